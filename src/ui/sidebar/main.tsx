import { render } from 'preact';

function Sidebar() {
  return <main data-ready><h1>Story context</h1></main>;
}
render(<Sidebar />, document.getElementById('app')!);
