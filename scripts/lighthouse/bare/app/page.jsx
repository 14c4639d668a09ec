export default function Page() {
  return (
    <main>
      <h1>Bare Next 16 page</h1>
      <p>A heading and a paragraph, server-rendered: the framework's own JavaScript and nothing else.</p>
    </main>
  );
}
