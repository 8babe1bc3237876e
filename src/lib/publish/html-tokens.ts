/**
 * The tags, comments and text of a piece of raw HTML, with their offsets, from parse5's tokenizer
 * (the HTML standard's own tokenization, as browsers do it). A tree builder would hide what we need
 * to see: a stray </Internal>, a self-closing <Internal/>, an end tag the browser would ignore.
 */
import { Tokenizer, type Token, type TokenHandler } from 'parse5';

export type HtmlToken =
	| { type: 'start'; name: string; attrs: { name: string; value: string }[]; selfClosing: boolean; start: number; end: number }
	| { type: 'end'; name: string; start: number; end: number }
	| { type: 'comment'; text: string; start: number; end: number }
	| { type: 'text'; text: string; start: number; end: number };

export function htmlTokens(html: string): HtmlToken[] {
	const tokens: HtmlToken[] = [];
	const text = (token: Token.CharacterToken) => {
		const last = tokens.at(-1);
		const start = token.location?.startOffset ?? 0;
		const end = token.location?.endOffset ?? start;
		if (last?.type === 'text' && last.end === start) {
			last.text += token.chars;
			last.end = end;
		} else tokens.push({ type: 'text', text: token.chars, start, end });
	};
	const handler: TokenHandler = {
		onStartTag: (t) => tokens.push({ type: 'start', name: t.tagName, attrs: t.attrs.map(({ name, value }) => ({ name, value })), selfClosing: t.selfClosing, start: t.location?.startOffset ?? 0, end: t.location?.endOffset ?? 0 }),
		onEndTag: (t) => tokens.push({ type: 'end', name: t.tagName, start: t.location?.startOffset ?? 0, end: t.location?.endOffset ?? 0 }),
		onComment: (t) => tokens.push({ type: 'comment', text: t.data, start: t.location?.startOffset ?? 0, end: t.location?.endOffset ?? 0 }),
		onCharacter: text,
		onWhitespaceCharacter: text,
		onNullCharacter: text,
		onDoctype: () => {},
		onEof: () => {},
	};
	new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(html, true);
	return tokens;
}
