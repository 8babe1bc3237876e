/**
 * "/" and Ctrl+K (⌘K) focus search on every page, as in most developer tools. Incident pages load
 * no script file, so this is one small inline script on every page; the Content-Security-Policy
 * admits exactly this text by its hash (astro.config.mjs), and nothing else inline.
 *
 * It prefers the search page's own box ([data-search-primary]) over the header's, ignores "/"
 * typed into a field, and adds the "( / )" hint only where there is a keyboard to press it.
 * A click on a section's anchor link (.heading-link) also copies the section's address; the link
 * still goes to the section, which is all it does without script.
 */
import { createHash } from 'node:crypto';

export const SHORTCUT_SCRIPT = [
	'(()=>{',
	"const box=()=>document.querySelector('[data-search-primary]')||document.getElementById('site-search');",
	"addEventListener('keydown',e=>{",
	"const k=e.key.toLowerCase()==='k'&&(e.ctrlKey||e.metaKey)&&!e.altKey;",
	"if(!k&&(e.key!=='/'||e.ctrlKey||e.metaKey||e.altKey||e.target.closest?.('input,textarea,select,[contenteditable]')))return;",
	'const i=box();if(!i)return;e.preventDefault();i.focus();i.select();});',
	"const h=document.getElementById('site-search');",
	"if(h&&matchMedia('(hover:hover) and (pointer:fine)').matches)h.placeholder+='  ( / )';",
	"addEventListener('click',e=>{const a=e.target.closest?.('.heading-link');",
	"a&&navigator.clipboard?.writeText(a.href).then(()=>{a.dataset.copied='';setTimeout(()=>delete a.dataset.copied,2e3)},()=>{})});",
	'})()',
].join('');

/** The CSP source expression for SHORTCUT_SCRIPT. */
export const SHORTCUT_HASH: `sha256-${string}` = `sha256-${createHash('sha256').update(SHORTCUT_SCRIPT).digest('base64')}`;
