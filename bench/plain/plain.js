// Each click writes the new count into the button: the least a page can
// render in answer to a click.
const button = document.querySelector('button');
let count = 0;
button.addEventListener('click', () => {
  count += 1;
  button.textContent = `Count: ${count}`;
});
