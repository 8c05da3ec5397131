// Where the signing key comes from: a file given on the command line, or an environment
// variable. Never from the repository: a key file inside the working tree is refused, and
// .gitignore keeps *.pem and *.key files out of commits.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { importPrivateKey } from '../../packs/feed/build';
import { REPO_ROOT } from './io';

export const KEY_ENV = 'PACK_SIGNING_KEY';

export async function signingKey(keyFile: string | undefined): Promise<CryptoKey> {
  if (keyFile) {
    const full = resolve(process.cwd(), keyFile);
    const inside = relative(REPO_ROOT, full);
    if (!inside.startsWith('..') && !inside.startsWith('/')) {
      throw new Error(`The signing key ${keyFile} is inside the repository; keep it elsewhere (or pass it in ${KEY_ENV}).`);
    }
    return importPrivateKey(readFileSync(full, 'utf8'));
  }
  const fromEnv = process.env[KEY_ENV];
  if (fromEnv) return importPrivateKey(fromEnv);
  throw new Error(`No signing key: pass --key FILE (outside the repository) or set ${KEY_ENV} to the PEM text.`);
}
