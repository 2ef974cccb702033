"""HTML for phones, shared by the EPUB (`layout/export/epub/`) and the web edition
(`layout/export/web/`): the element builder and serialiser (`markup`), where
headlines and URLs may break (`breaks`), an article's markup (`article`) and its
stylesheet rules (`article.css`), what pages and articles are called (`labels`),
which text is set in which face and the WOFF2 subsets of those faces (`faces`,
`fonts`), photos resized for phones (`photos`) and the edition's dates and
version (`edition`).
"""
