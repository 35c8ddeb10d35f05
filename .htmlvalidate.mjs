// html-validate configuration for the built site (dist/), checked by tests/dist/html-quality.test.ts.
// The recommended rules apply in full. Any exception below must say why it is right for this site.
export default {
  extends: ['html-validate:recommended'],
  rules: {},
};
