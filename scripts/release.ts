/**
 * `npm run release -- <patch|minor|major|x.y.z> [--note "what changed"]...`: a release in one
 * command. The version lives in one place, package.json (package-lock.json follows; both
 * manifests take it at build time); CHANGELOG.md gets an entry (the notes given, else the
 * commit subjects since the last release); both store packages are built and their SHA-256
 * printed, to paste into the stores' forms and the release notes. It commits and tags nothing:
 * it prints the commands, to run once the entry reads well.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { buildExtension, firefoxZipPath, zipPath } from './build.ts';

export type Bump = 'patch' | 'minor' | 'major';

/** The next version: a bump of `current`, or an explicit x.y.z that must be later. */
export function nextVersion(current: string, wanted: string): string {
  const parse = (version: string) => {
    const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
    if (!match) throw new Error(`not a version: ${version} (expected x.y.z)`);
    return match.slice(1).map(Number) as [number, number, number];
  };
  const [major, minor, patch] = parse(current);
  if (wanted === 'major') return `${major + 1}.0.0`;
  if (wanted === 'minor') return `${major}.${minor + 1}.0`;
  if (wanted === 'patch') return `${major}.${minor}.${patch + 1}`;
  const next = parse(wanted);
  const later = next[0] - major || next[1] - minor || next[2] - patch;
  if (later <= 0) throw new Error(`${wanted} is not later than ${current}`);
  return wanted;
}

/** CHANGELOG.md with the new version's entry on top (under the title, if there is one). */
export function withChangelogEntry(changelog: string, version: string, date: string, notes: string[]): string {
  if (notes.length === 0) throw new Error('a release needs at least one note');
  if (new RegExp(`^## ${version.replace(/\./g, '\\.')} `, 'm').test(changelog)) throw new Error(`CHANGELOG.md already has ${version}`);
  const entry = `## ${version} (${date})\n\n${notes.map((note) => `- ${note}`).join('\n')}\n`;
  const title = '# Changelog\n';
  const body = changelog.startsWith(title) ? changelog.slice(title.length).replace(/^\n+/, '') : changelog;
  return `${title}\n${entry}${body ? `\n${body}` : ''}`;
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Commit subjects since package.json's version last changed: what this release holds. */
function subjectsSinceLastRelease(): string[] {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    const last = git('log', '-1', '--format=%H', '-G', '"version"', '--', 'package.json');
    const log = git('log', '--no-merges', '--format=%s', last ? `${last}..HEAD` : 'HEAD');
    return log ? log.split('\n') : [];
  } catch {
    return []; // not a git checkout: notes must be given
  }
}

async function release(argv: string[]): Promise<void> {
  const [wanted, ...rest] = argv;
  if (!wanted) throw new Error('usage: npm run release -- <patch|minor|major|x.y.z> [--note "what changed"]...');
  const notes: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    if (rest[i] === '--note' && rest[i + 1]) notes.push(rest[(i += 1)] as string);
    else throw new Error(`unknown argument: ${rest[i]}`);
  }
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const version = nextVersion(pkg.version, wanted);
  const entryNotes = notes.length > 0 ? notes : subjectsSinceLastRelease();
  const date = new Date().toISOString().slice(0, 10);
  const changelog = withChangelogEntry(existsSync('CHANGELOG.md') ? readFileSync('CHANGELOG.md', 'utf8') : '', version, date, entryNotes);

  // npm keeps package-lock.json's copy of the version in step; no commit, no tag.
  execFileSync('npm', ['version', version, '--no-git-tag-version', '--allow-same-version=false'], { stdio: 'ignore' });
  writeFileSync('CHANGELOG.md', changelog);
  await buildExtension({ quiet: true });

  console.log(`Learn Account Aligner ${version}`);
  for (const zip of [zipPath, firefoxZipPath]) console.log(`${sha256(zip)}  ${zip}`);
  console.log(`\nCHANGELOG.md has its entry. When it reads well:\n  git commit -am "Release ${version}" && git tag v${version}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await release(process.argv.slice(2)).catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
