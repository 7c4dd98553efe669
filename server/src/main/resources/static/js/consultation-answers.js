// The answers page's template picker: choosing a template writes its text, filled in for the group, into the reason
// and sets its verdict. Without JavaScript the server fills an empty reason from the chosen template.
document.addEventListener('change', function (event) {
  var picker = event.target;
  if (!picker.matches || !picker.matches('select[data-template-picker]')) {
    return;
  }
  var option = picker.options[picker.selectedIndex];
  var form = picker.form;
  if (!option || !option.value || !form) {
    return;
  }
  var reason = form.querySelector('textarea[name=reason]');
  if (reason) {
    reason.value = option.getAttribute('data-text') || '';
  }
  var verdict = form.querySelector('select[name=verdict]');
  if (verdict && option.getAttribute('data-verdict')) {
    verdict.value = option.getAttribute('data-verdict');
  }
});
