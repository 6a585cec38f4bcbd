/*
 * The citation box names the page's address.  The build writes the address
 * the site was configured with (site_url); a site served elsewhere, from a
 * sub-path or opened from disk, is cited by the address it is read at.
 */
(function () {
  "use strict";
  var box = document.querySelector("textarea.dossier-cite[data-page-url]");
  var built = box && box.getAttribute("data-page-url");
  if (!built) return;
  var here = window.location.href.split(/[?#]/)[0];
  if (here !== built) box.value = box.value.split(built).join(here);
})();
