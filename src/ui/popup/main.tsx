import { render } from 'preact';

function Popup() {
  return <main data-ready><h1>Saved items</h1></main>;
}
render(<Popup />, document.getElementById('app')!);
