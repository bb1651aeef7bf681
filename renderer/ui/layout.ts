/**
 * How wide a list or table page grows on a wide screen: the room is used, more columns
 * read at once. Forms keep their own narrower width, one an eye follows from label to field.
 */
export const LIST_PAGE_WIDTH = 1680;
