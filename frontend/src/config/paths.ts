// Route paths live here so links, redirects and tests agree on one spelling.
export const paths = {
  home: '/',
  login: '/login',
  students: '/students',
} as const;
