export async function cleanDrive(_dir: string): Promise<void> {}
export function cleanLeftovers(_dataDir: string): void {}
