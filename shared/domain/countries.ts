/**
 * ISO 3166-1 alpha-2 codes offered as nationalities; names are translated at display
 * time with Intl.DisplayNames in the user's language. The countries people in Nador
 * most often come from are listed first in forms. Western Sahara (EH) is left out on
 * purpose: a desk in Morocco must not be asked to take a side on it.
 */
export const FREQUENT_NATIONALITIES = [
  'GN', 'CI', 'ML', 'SN', 'CM', 'NG', 'CD', 'CG', 'SD', 'SS', 'TD', 'BF', 'NE', 'GM', 'SL', 'LR', 'GH', 'ER', 'ET', 'SO', 'DZ', 'SY', 'YE', 'PS', 'MA',
] as const;

export const COUNTRY_CODES = [
  'AF','AL','DZ','AD','AO','AG','AR','AM','AU','AT','AZ','BS','BH','BD','BB','BY','BE','BZ','BJ','BT','BO','BA','BW','BR','BN','BG','BF','BI',
  'CV','KH','CM','CA','CF','TD','CL','CN','CO','KM','CG','CD','CR','CI','HR','CU','CY','CZ','DK','DJ','DM','DO','EC','EG','SV','GQ','ER','EE',
  'SZ','ET','FJ','FI','FR','GA','GM','GE','DE','GH','GR','GD','GT','GN','GW','GY','HT','HN','HU','IS','IN','ID','IR','IQ','IE','IL','IT','JM',
  'JP','JO','KZ','KE','KI','KP','KR','KW','KG','LA','LV','LB','LS','LR','LY','LI','LT','LU','MG','MW','MY','MV','ML','MT','MH','MR','MU','MX',
  'FM','MD','MC','MN','ME','MA','MZ','MM','NA','NR','NP','NL','NZ','NI','NE','NG','MK','NO','OM','PK','PW','PS','PA','PG','PY','PE','PH','PL',
  'PT','QA','RO','RU','RW','KN','LC','VC','WS','SM','ST','SA','SN','RS','SC','SL','SG','SK','SI','SB','SO','ZA','SS','ES','LK','SD','SR','SE',
  'CH','SY','TJ','TZ','TH','TL','TG','TO','TT','TN','TR','TM','TV','UG','UA','AE','GB','US','UY','UZ','VU','VE','VN','YE','ZM','ZW','XK',
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];
