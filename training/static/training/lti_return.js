// The deep-linking answer goes back to the platform at once; the button is there without JS.
document.querySelectorAll("form[data-auto-submit]").forEach(function (form) { form.submit(); });
