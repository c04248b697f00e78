export {
  checkCertificateAuthority,
  createCertificateAuthority,
  DEFAULT_CA_VALID_DAYS,
  type CertificateAuthority,
  type CertificateAuthorityOptions,
} from './certificate-authority.js';
export {
  CA_CERT_FILE,
  CA_KEY_FILE,
  loadOrCreateCertificateAuthority,
  readCertificateAuthority,
  writeCertificateAuthority,
  type StoredCertificateAuthority,
} from './certificate-authority-files.js';
export {
  DEFAULT_SERVER_HOSTNAMES,
  DEFAULT_SERVER_IPS,
  issueServerCertificate,
  type ServerCertificate,
} from './server-certificate.js';
