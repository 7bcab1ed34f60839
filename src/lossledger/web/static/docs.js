/* /docs: Swagger UI over this server's /openapi.json, from the vendored bundle (no CDN, no inline script). */
(() => {
  "use strict";
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
})();
