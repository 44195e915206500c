package bifrostconsole.api;

/** TLS settings of an MCP connection; the CA PEM is redacted by the server. */
public record TlsConfig(boolean insecureSkipVerify, String caCertPem) {
}
