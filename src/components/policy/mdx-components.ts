/** Components an explainer's MDX may use without importing them. */
import Calculator from './Calculator.astro';
import Callout from './Callout.astro';
import Channels from './Channels.astro';
import Fact from './Fact.astro';
import FactSentence from './FactSentence.astro';
import FactTable from './FactTable.astro';
import OfficialOnly from './OfficialOnly.astro';
import Period from './Period.astro';
import StatusTable from './StatusTable.astro';
import Steps from './Steps.astro';
import WorkedExample from './WorkedExample.astro';

import type { POLICY_MDX_COMPONENTS } from '../../config/mdx.ts';

// `satisfies` keeps this map and the allow-list the build enforces (src/config/mdx.ts) the same:
// a component missing from either is a type error in `npm run check`.
export const mdxComponents = {
  Calculator,
  Callout,
  Channels,
  Fact,
  FactSentence,
  FactTable,
  OfficialOnly,
  Period,
  StatusTable,
  Steps,
  WorkedExample,
} satisfies Record<(typeof POLICY_MDX_COMPONENTS)[number], unknown>;
