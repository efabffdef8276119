// inline_script.mjs - the text of an inline <script> element for code that was a file. The HTML parser
// ends a script at "</script" and, after "<!--", treats "<script" ... "</script>" as nested so the
// real end tag no longer ends it; both are escaped in a form every place they can appear in minified
// code (a string, a template, a regular expression or a comment) reads the same: "<\/script" and "<\x21--".
// (Minifiers never leave either sequence in code outside those.) Depends on nothing.
export function scriptData(code) {
  return code.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\x21--');
}
