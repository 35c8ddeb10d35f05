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

export const mdxComponents = { Calculator, Callout, Channels, Fact, FactSentence, FactTable, OfficialOnly, Period, StatusTable, Steps, WorkedExample };
