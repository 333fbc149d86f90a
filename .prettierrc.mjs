// @ts-check
/**
 * One formatter for the repository, with Starlight's settings (withastro/starlight `.prettierrc`):
 * tabs, single quotes, 100 columns; spaces where tabs do not belong (Markdown, YAML, dotfiles).
 * @type {import('prettier').Config}
 */
export default {
  printWidth: 100,
  semi: true,
  singleQuote: true,
  tabWidth: 2,
  trailingComma: 'es5',
  useTabs: true,
  plugins: ['prettier-plugin-astro'],
  overrides: [
    { files: ['*.astro'], options: { parser: 'astro' } },
    { files: ['.*', '*.md', '*.mdx', '*.toml', '*.yml', '*.yaml'], options: { useTabs: false } },
  ],
};
