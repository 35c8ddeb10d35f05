/**
 * schema.org JSON-LD. Serialised so that no text (an event title, a policy label) can close
 * the <script> element or open a comment: every <, > and & is written as a \u escape, which
 * JSON parsers read back as the same character.
 */
import { displayTitle, type EventItem } from './events/events.ts';
import { formatCitation, isConfirmed, type PolicyDocument, type PolicyFact } from './policy-facts.ts';

/** JSON for inside <script type="application/ld+json">, safe for any string content. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');
}

/**
 * schema.org FinancialIncentive for each confirmed percent-with-cap subsidy, and for the NEV
 * purchase-tax reduction. Unconfirmed facts are left out: machines should not repeat them.
 */
export function financialIncentives(facts: readonly PolicyFact[], docs: readonly PolicyDocument[]): object[] {
  const docOf = (id: string) => docs.find((d) => d.id === id);
  const provider = (f: PolicyFact) => {
    const d = f.documents.map(docOf).find((x) => x !== undefined);
    return d ? { '@type': 'GovernmentOrganization', name: d.issuer } : undefined;
  };
  const base = (f: PolicyFact) => ({
    '@context': 'https://schema.org',
    '@type': 'FinancialIncentive',
    name: f.label,
    areaServed: { '@type': 'Country', name: '中国' },
    ...(f.from ? { validFrom: f.from } : {}),
    ...(f.to ? { validThrough: f.to } : {}),
    provider: provider(f),
    citation: f.documents
      .map(docOf)
      .filter((d) => d !== undefined)
      .map((d) => formatCitation(d)),
  });
  const out: object[] = [];
  for (const f of facts) {
    if (!isConfirmed(f.confidence) || f.value.type !== 'percent-cap') continue;
    out.push({
      ...base(f),
      incentiveType: 'https://schema.org/IncentiveTypeRebateOrSubsidy',
      incentiveAmount: { '@type': 'QuantitativeValue', value: f.value.percent, unitCode: 'P1', unitText: '%', maxValue: f.value.cap, valueReference: 'CNY' },
    });
  }
  const reduction = facts.find((f) => f.id === 'tax-nev-reduction');
  const cap = facts.find((f) => f.id === 'tax-nev-cap');
  if (
    reduction &&
    cap &&
    isConfirmed(reduction.confidence) &&
    isConfirmed(cap.confidence) &&
    reduction.value.type === 'percent' &&
    cap.value.type === 'amount'
  ) {
    out.push({
      ...base(reduction),
      name: '新能源乘用车车辆购置税减半征收',
      incentiveType: 'https://schema.org/IncentiveTypeTaxWaiver',
      incentiveAmount: {
        '@type': 'QuantitativeValue',
        value: reduction.value.percent,
        unitCode: 'P1',
        unitText: '%',
        maxValue: cap.value.amount,
        valueReference: 'CNY',
      },
    });
  }
  return out;
}

const EVENT_STATUS_URL: Record<EventItem['status'], string> = {
  planned: 'https://schema.org/EventScheduled',
  confirmed: 'https://schema.org/EventScheduled',
  held: 'https://schema.org/EventScheduled',
  postponed: 'https://schema.org/EventPostponed',
  cancelled: 'https://schema.org/EventCancelled',
};

/** schema.org Event for one event page: status, place with address and geo, organisers. */
export function eventJsonLd(e: EventItem, placeNames: { city: string; county?: string | undefined }, url: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: displayTitle(e),
    startDate: e.start,
    endDate: e.end,
    eventStatus: EVENT_STATUS_URL[e.status],
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    url,
    description: `${displayTitle(e)}：${e.venue.name}。${e.demo ? '本活动为演示数据（示例），并非真实活动。' : ''}`,
    location: {
      '@type': 'Place',
      name: e.venue.name,
      address: {
        '@type': 'PostalAddress',
        streetAddress: e.venue.address,
        addressLocality: placeNames.county ?? placeNames.city,
        addressRegion: `江苏省${placeNames.city}`,
        addressCountry: 'CN',
      },
      geo: { '@type': 'GeoCoordinates', latitude: e.lat, longitude: e.lng },
    },
    organizer: e.organisers.map((name) => ({ '@type': 'Organization', name })),
  };
}
