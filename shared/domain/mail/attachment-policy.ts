/**
 * What may be uploaded and mailed as an attachment (agents' reply attachments, the client portal's
 * uploads): one pure policy, so that both doors refuse the same files for the same reasons.
 *
 * - Executables are refused by name (the last extension, after the name was cleaned the way Windows
 *   and mail clients read it) AND by content (the first bytes: a renamed `.pdf` that starts with `MZ`
 *   is still a Windows program). Neither check alone is enough: a name lies, and scripts have no magic.
 * - Counts and sizes are parameters: each door has its own limits (AGENT_REPLY_LIMITS, CLIENT_UPLOAD_LIMITS).
 * - Refusals are sentences in French: the portals show them as they are.
 */

const MB = 1024 * 1024;

export type AttachmentLimits = {
  /** At most this many files in one message. */
  maxFiles: number;
  /** Each file at most this many bytes (null: only the total counts). */
  maxFileBytes: number | null;
  /** All files together at most this many bytes (null: only each file counts). */
  maxTotalBytes: number | null;
};

/** An agent's reply (issue 15): up to 10 files, 20 MB in all (the raw mail stays under SES's 40 MB). */
export const AGENT_REPLY_LIMITS: AttachmentLimits = {
  maxFiles: 10,
  maxFileBytes: 20 * MB,
  maxTotalBytes: 20 * MB,
};

/** The client portal's uploads (issue 16): up to 10 files, 25 MB each. */
export const CLIENT_UPLOAD_LIMITS: AttachmentLimits = {
  maxFiles: 10,
  maxFileBytes: 25 * MB,
  maxTotalBytes: null,
};

/** How many leading bytes the content check needs (read from the stored object after upload). */
export const SNIFF_BYTES = 64;

/**
 * Extensions that run code when opened on Windows, macOS or Linux desktops (Microsoft's and Gmail's
 * blocked lists, in substance). Lower case, without the dot.
 */
// biome-ignore format: a list read by people, grouped by kind
export const BLOCKED_EXTENSIONS: ReadonlySet<string> = new Set([
  // Windows programs, libraries and installers (Gmail's blocked list, in substance)
  'exe', 'ex', 'ex_', 'com', 'scr', 'pif', 'msi', 'msp', 'mst', 'msix', 'msixbundle', 'appx',
  'appxbundle', 'cpl', 'dll', 'lib', 'sys', 'drv', 'ocx', 'vxd', 'xll', 'gadget', 'application',
  'appref-ms', 'xbap', 'diagcab', 'diagcfg', 'diagpack', 'cab', 'nsh',
  // scripts (Windows, macOS, Unix shells)
  'bat', 'cmd', 'ps1', 'ps1xml', 'ps2', 'ps2xml', 'psc1', 'psc2', 'psm1', 'psd1', 'vb', 'vbs', 'vbe',
  'js', 'jse', 'mjs', 'ws', 'wsf', 'wsc', 'wsh', 'hta', 'sct', 'msc', 'msh', 'msh1', 'msh2', 'mshxml',
  'msh1xml', 'msh2xml', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'command', 'applescript', 'scpt',
  'workflow',
  // Java, shortcuts and settings files that run something when opened
  'jar', 'jnlp', 'class', 'lnk', 'url', 'website', 'scf', 'inf', 'ins', 'isp', 'reg', 'shb', 'shs',
  'settingcontent-ms', 'library-ms', 'searchconnector-ms', 'chm', 'hlp', 'ade', 'adp', 'mde', 'mda',
  'prf', 'pcd', 'plg', 'its', 'mau',
  // disk images and packages that mount or install in one click
  'iso', 'img', 'vhd', 'vhdx', 'dmg', 'pkg', 'mpkg', 'app', 'apk', 'deb', 'rpm', 'desktop', 'run',
]);

/** Content that is a program whatever the name says. */
const MAGIC: ReadonlyArray<{ label: string; bytes: readonly number[] }> = [
  { label: 'programme Windows (MZ)', bytes: [0x4d, 0x5a] },
  { label: 'programme Linux (ELF)', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { label: 'programme macOS (Mach-O)', bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { label: 'programme macOS (Mach-O)', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { label: 'programme macOS (Mach-O)', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { label: 'programme macOS (Mach-O)', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  // Also Java's class files: both are code.
  { label: 'programme macOS universel ou classe Java', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { label: 'script (#!)', bytes: [0x23, 0x21] },
  { label: 'raccourci Windows (.lnk)', bytes: [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00] },
  { label: 'module WebAssembly', bytes: [0x00, 0x61, 0x73, 0x6d] },
];

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The longest stored name, in characters, extension included. */
const MAX_NAME_CHARS = 120;

export type FileRefusal = { filename: string; reason: string };

/**
 * A file name as we store it and put it in headers: Unicode NFC; control characters (NUL, CR, LF…),
 * bidi overrides and invisible characters removed; path separators and characters Windows forbids
 * replaced by `_`; trailing dots and spaces removed (Windows drops them: `a.exe.` opens as `a.exe`);
 * at most 120 characters, the extension kept; never empty, never a dot-name.
 */
export function sanitiseFileName(name: string): string {
  let cleaned = name
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\s+/gu, ' ')
    // Every run of whitespace is one space by now: removing the spaces at both ends trims it.
    .replace(/[. ]+$/u, '')
    .replace(/^[. ]+/u, '');
  if (cleaned === '') cleaned = 'fichier';
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_NAME_CHARS) return cleaned;
  // The extension starts at the last dot (never the first character: leading dots were removed above).
  const lastDot = cleaned.lastIndexOf('.');
  const dot = lastDot === -1 ? cleaned.length : lastDot;
  const extension = Array.from(cleaned.slice(dot)).slice(0, 20).join('');
  return Array.from(cleaned.slice(0, dot))
    .slice(0, MAX_NAME_CHARS - Array.from(extension).length)
    .join('')
    .concat(extension);
}

/** The last extension of a name as a desktop reads it: lower case, compatibility forms folded (`．ＥＸＥ`). */
export function lastExtension(name: string): string {
  const folded = sanitiseFileName(name.normalize('NFKC')).toLowerCase();
  const dot = folded.lastIndexOf('.');
  return dot === -1 ? '' : folded.slice(dot + 1).trim();
}

/**
 * Why this name is refused, or null. Every way a program might see the name is checked: the cleaned
 * name, and what a C string or an NTFS stream name would keep (`a.exe\0.pdf` → `a.exe`, `a.exe:x` → `a.exe`).
 */
export function nameRefusal(name: string): string | null {
  const readings = new Set<string>([name]);
  const nul = name.indexOf('\0');
  // A NUL or a colon first leaves an empty reading, which has no extension.
  if (nul !== -1) readings.add(name.slice(0, nul));
  for (const reading of [...readings]) {
    const colon = reading.indexOf(':');
    if (colon !== -1) readings.add(reading.slice(0, colon));
  }
  for (const reading of readings) {
    const extension = lastExtension(reading);
    if (BLOCKED_EXTENSIONS.has(extension))
      return `les fichiers .${extension} (programmes, scripts, raccourcis) ne sont pas acceptés`;
  }
  return null;
}

/** Why this content is refused (it starts as a program does), or null. */
export function contentRefusal(firstBytes: Uint8Array): string | null {
  // A byte past the end is undefined, never equal: a file shorter than a signature does not start with it.
  const starts = (bytes: readonly number[], at: number) => bytes.every((b, i) => firstBytes[at + i] === b);
  // After a UTF-8 BOM (which no signature starts with), the signature is read after the BOM.
  const offset = starts(UTF8_BOM, 0) ? UTF8_BOM.length : 0;
  for (const magic of MAGIC) {
    if (starts(magic.bytes, offset))
      return `son contenu est un ${magic.label}, quel que soit son nom : il n'est pas accepté`;
  }
  return null;
}

/** One file as it is known before or after upload. */
export type FileFacts = { filename: string; size: number; firstBytes?: Uint8Array };

/**
 * Every refusal for one message's files: count, each size, the total, each name, each content (when
 * its first bytes are known). Empty when all may go. Sizes are the stored objects', never the browser's.
 */
export function attachmentRefusals(files: readonly FileFacts[], limits: AttachmentLimits): FileRefusal[] {
  const refusals: FileRefusal[] = [];
  if (files.length > limits.maxFiles)
    refusals.push({
      filename: '',
      reason: `${files.length} fichiers : ${limits.maxFiles} au plus par message`,
    });
  for (const file of files) refusals.push(...fileRefusals(file, limits));
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (limits.maxTotalBytes !== null && total > limits.maxTotalBytes)
    refusals.push({
      filename: '',
      reason: `${formatSize(total)} en tout : ${formatSize(limits.maxTotalBytes)} au plus par message`,
    });
  return refusals;
}

/** The refusals of one file for itself (name, content, size), whatever the others. */
export function fileRefusals(file: FileFacts, limits: AttachmentLimits): FileRefusal[] {
  const refusals: FileRefusal[] = [];
  const shown = sanitiseFileName(file.filename);
  const byName = nameRefusal(file.filename);
  if (byName) refusals.push({ filename: shown, reason: byName });
  const byContent = file.firstBytes ? contentRefusal(file.firstBytes) : null;
  if (byContent && !byName) refusals.push({ filename: shown, reason: byContent });
  if (file.size <= 0) refusals.push({ filename: shown, reason: 'le fichier est vide' });
  if (limits.maxFileBytes !== null && file.size > limits.maxFileBytes)
    refusals.push({
      filename: shown,
      reason: `${formatSize(file.size)} : ${formatSize(limits.maxFileBytes)} au plus par fichier`,
    });
  return refusals;
}

/** One French sentence for a refusal list (an API's 400 message). */
export function refusalMessage(refusals: readonly FileRefusal[]): string {
  return `Pièces jointes refusées : ${refusals
    .map((r) => (r.filename ? `« ${r.filename} » : ${r.reason}` : r.reason))
    .join(' ; ')}.`;
}

/** Bytes in French units (Mo = 1024 × 1024 octets, as the limits are written). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  if (bytes < MB) return `${(bytes / 1024).toFixed(0)} Ko`;
  return `${(bytes / MB).toFixed(1).replace('.', ',').replace(',0', '')} Mo`;
}
