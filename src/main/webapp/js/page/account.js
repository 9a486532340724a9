/**
 * @fileoverview The signed-in user and the "Log out" button, shown on the
 * bundled pages only under single sign-on (GET api/me says so); hidden when
 * security is off.
 */

/**
 * What the account bar shows for an answer of GET api/me.
 * @param {?Object} me the parsed answer, or null when it could not be read
 * @return {?{user: string, title: string}} null: show nothing (security off)
 */
export function accountView(me) {
  if (!me || me.security !== 'sso' || typeof me.user !== 'string') return null;
  const groups = Array.isArray(me.groups) ? me.groups : [];
  return {user: me.user, title: groups.length ? `groups: ${groups.join(', ')}` : 'no groups'};
}

/**
 * Fills the account bar (`#account`, `#account-user`, `#logout`) and wires
 * the button: POST api/logout, then reload the application's root, which
 * sends the browser to the provider's login.
 * @param {!Document} doc the page
 * @param {!URL} root the application's root URL
 * @return {!Promise<?{user: string, title: string}>} what is shown
 */
export async function showAccount(doc, root) {
  const bar = doc.getElementById('account');
  let me = null;
  try {
    const response = await fetch(new URL('api/me', root));
    if (response.ok) me = await response.json();
  } catch {
    // The bar is a courtesy: without it the page works as before.
  }
  const view = accountView(me);
  if (!bar || !view) return view;
  const name = doc.getElementById('account-user');
  name.textContent = view.user;
  name.title = view.title;
  doc.getElementById('logout').addEventListener('click', async () => {
    try {
      await fetch(new URL('api/logout', root), {method: 'POST'});
    } finally {
      window.location.assign(root.href);
    }
  });
  bar.hidden = false;
  return view;
}
