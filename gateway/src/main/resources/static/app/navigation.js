// Where to go after signing in: only a path of this site, never another origin (?next= comes from the address bar).
export function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : '/today';
}
