// The reference for `npm run lighthouse`: the smallest Next 16 App Router page (what create-next-app
// starts from, minus its images and fonts), built and served beside the app and measured in the same
// rounds, so the app's scores read against what the framework alone scores on this machine.
// No favicon request (the app serves one; a 404 here would cost the reference a best-practices point).
export const metadata = { title: 'Bare Next 16 page', description: 'Lighthouse reference', icons: { icon: 'data:,' } };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem' }}>{children}</body>
    </html>
  );
}
