/**
 * The subsidy calculator: its rules from the policy facts (rules.ts), the arithmetic with its
 * steps in words (calculate.ts), and residents' input and shared links (input.ts). Pure.
 */
export * from './rules.ts';
export * from './calculate.ts';
export * from './input.ts';
