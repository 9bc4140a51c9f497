package chain

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// classify turns an error of pgx into one of the package's errors, keeping
// nothing of the DSN: the server's message is kept only for an error the
// package does not know.
func classify(err error) error {
	if err == nil {
		return nil
	}
	for _, k := range []error{ErrBadDSN, ErrUnreachable, ErrTLS, ErrAuth, ErrNoDatabase, ErrSchemaTooOld, ErrSchemaTooNew,
		ErrServerTooOld, ErrNotGranted, ErrDenied, ErrNoClient, ErrNoAssociate, ErrAlready, ErrBadName, ErrRoleTaken, ErrNoPassword} {
		if errors.Is(err, k) {
			return err
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "28P01" || pe.Code == "28000":
			return ErrAuth
		case pe.Code == "3D000":
			return ErrNoDatabase
		case pe.Code == "42P01" || pe.Code == "42883":
			// A table or function of the schema is missing: not migrated.
			return ErrSchemaTooOld
		case pe.Code == "42501" || pe.Code == "VB403":
			return ErrDenied
		case pe.Code == "VB404":
			return ErrNoClient
		case pe.Code == "VB400":
			return ErrNoAssociate
		case pe.Code == "VB409":
			return ErrAlready
		case strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "57P"):
			return ErrUnreachable
		}
		return &serverError{code: pe.Code, msg: pe.Message}
	}
	if isTLS(err) {
		return ErrTLS
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &ne), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, context.DeadlineExceeded), pgconn.Timeout(err), pgconn.SafeToRetry(err),
		strings.Contains(err.Error(), "conn closed"), strings.Contains(err.Error(), "connection reset"):
		return ErrUnreachable
	}
	var pce *pgconn.ParseConfigError
	if errors.As(err, &pce) {
		return ErrBadDSN
	}
	return err
}

// serverError is an error of the server the package does not word itself:
// its SQLSTATE and message (never the DSN).
type serverError struct{ code, msg string }

func (e *serverError) Error() string {
	return "chain: the database said: " + e.msg + " (" + e.code + ")"
}

// isTLS reports whether err is a failure of the TLS handshake: a
// certificate not signed by the roots given, not naming the host, or a
// server that refused TLS.
func isTLS(err error) bool {
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	var cv *tls.CertificateVerificationError
	var ra tls.AlertError
	return errors.As(err, &ua) || errors.As(err, &he) || errors.As(err, &ci) || errors.As(err, &cv) || errors.As(err, &ra) ||
		strings.Contains(err.Error(), "server refused TLS connection")
}
