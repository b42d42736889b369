// Builds DOM nodes from data without ever parsing HTML: text is always text, so nothing the API returns can
// become markup (and the content security policy allows no inline script or style anyway).

/**
 * h('a', {href: '/cases', class: 'link', onclick: fn}, 'text', otherNode, [more, nodes])
 * Attributes that are null, undefined or false are left out; true sets a boolean attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value' && 'value' in element) element.value = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/** Replaces what an element shows. */
export function show(parent, ...children) {
  parent.replaceChildren();
  return append(parent, ...children);
}

let sequence = 0;
/** An id unique in the page, for label/for and aria-describedby. */
export function uid(prefix = 'id') {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** Text that came from a server in a fixed language (rule messages are English): marked so screen readers say it right. */
export function serverText(text, language = 'en', tag = 'span') {
  return h(tag, { lang: language }, text);
}
