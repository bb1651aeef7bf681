import { AppError } from '../errors';
import { codePointLength, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/domain/accounts';
import { normaliseLogin } from '../vault/vault';
import commonPasswordList from './common-passwords.json' with { type: 'json' };

let commonPasswords: Set<string> | null = null;

/**
 * The ~18,000 most common passwords of 8 characters or more (from zxcvbn-ts's
 * frequency list, MIT, plus French and Moroccan favourites), shipped with the app.
 */
function common(): Set<string> {
  commonPasswords ??= new Set(commonPasswordList);
  return commonPasswords;
}

/**
 * ASVS 5.0 (6.2): at least 8 characters, up to 1024, any Unicode, no composition
 * rules, not a common password, not the login itself. `field` names the form field
 * that the error points at.
 */
export function checkNewPassword(password: string, login: string, field = 'newPassword'): void {
  const fail = (code: 'password.tooShort' | 'password.tooLong' | 'password.tooCommon' | 'password.sameAsLogin') => {
    throw new AppError(code, { fields: { [field]: code } });
  };
  const length = codePointLength(password);
  if (length < PASSWORD_MIN_LENGTH) fail('password.tooShort');
  if (length > PASSWORD_MAX_LENGTH) fail('password.tooLong');
  const folded = password.normalize('NFC').toLowerCase();
  if (common().has(folded)) fail('password.tooCommon');
  if (folded.trim() === normaliseLogin(login)) fail('password.sameAsLogin');
}
