// The live example of an element reference page: the textarea's HTML is the example, rebuilt a
// moment after each edit. (A reader's own HTML on a docs page: nothing from elsewhere goes in.)
const source = document.getElementById('source');
const preview = document.getElementById('preview');
if (source && preview) {
  const render = () => {
    preview.innerHTML = source.value;
  };
  let timer;
  source.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, 300);
  });
  render();
}
