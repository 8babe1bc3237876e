/** The components every MDX body may use without an import (src/lib/mdx/builtins.ts lists their props). */
import Callout from './Callout.astro';
import Chat from './Chat.astro';
import FigureBox from './FigureBox.astro';
import GraphBox from './GraphBox.astro';
import IncidentLink from './IncidentLink.astro';
import Internal from './Internal.astro';
import PageImpact from './PageImpact.astro';
import PageTimeline from './PageTimeline.astro';
import Term from './Term.astro';

export const mdxComponents = { Callout, Chat, FigureBox, GraphBox, Incident: IncidentLink, Internal, Term, PageImpact, PageTimeline };
