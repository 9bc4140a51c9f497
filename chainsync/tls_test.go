package chainsync

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/internal/pgtest"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// testCA is a certificate authority made by the test.
type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
}

func newCA(t *testing.T, name string) *testCA {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return &testCA{cert: cert, key: key, pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// server makes the certificate and key (PEM) of a server named localhost
// (and 127.0.0.1), signed by ca.
func (ca *testCA) server(t *testing.T) (certPEM, keyPEM []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"},
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})
}

// TestSyncOverTLS: a PostgreSQL with ssl=on and a certificate made by the
// test, on TCP localhost; a book joins and syncs with sslmode=verify-full
// and the root certificate in a file, its session encrypted; the same
// book given another authority's root is refused with chain.ErrTLS before
// anything is sent, and its changes stay waiting.
func TestSyncOverTLS(t *testing.T) {
	ca := newCA(t, "vipbook test chain CA")
	certPEM, keyPEM := ca.server(t)
	pg := pgtest.StartTLS(t, certPEM, keyPEM)
	db := pg.NewDatabase(t)
	if _, err := chain.Migrate(ctxT(t), pg.AdminDSN(db)); err != nil {
		t.Fatal(err)
	}
	c := &testChain{pg: pg, db: db}
	role := c.associate(t, "tls", "Osaka", false)
	dir := t.TempDir()
	root := filepath.Join(dir, "root.crt")
	if err := os.WriteFile(root, ca.pem, 0o600); err != nil {
		t.Fatal(err)
	}
	dsn := pg.TCPDSN(db, role, "") + " sslmode=verify-full sslrootcert=" + root
	pw := Password{Text: "pw-tls"}

	// The session is encrypted.
	conn, err := Connect(ctxT(t), dsn, pw)
	if err != nil {
		t.Fatalf("connect with verify-full: %v", err)
	}
	var ssl bool
	if err := conn.Pool().QueryRow(ctxT(t), `SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`).Scan(&ssl); err != nil || !ssl {
		t.Fatalf("the session is not encrypted: %v %v", ssl, err)
	}
	conn.Close()

	b := &testBook{role: role, pw: pw, now: day0, path: filepath.Join(dir, "book.db")}
	st, err := store.Init(b.path, store.Meta{Associate: role, Store: "Osaka", CountryCode: "81", Currency: "JPY"},
		store.Options{Now: b.clock, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	b.st = st
	t.Cleanup(func() { st.Close() })
	if err := st.Update(osakaClient); err != nil {
		t.Fatal(err)
	}
	if _, err := Join(ctxT(t), st, dsn, pw, "Osaka", ""); err != nil {
		t.Fatalf("join over TLS: %v", err)
	}
	if r := b.sync(t); r.Pushed != 3 {
		t.Fatalf("sync over TLS pushed %d changes", r.Pushed)
	}
	if n := c.scalar(t, `SELECT count(*) FROM clients`); n != 1 {
		t.Fatalf("%d clients on the chain after the sync over TLS", n)
	}

	// Another authority's root: refused, plainly, nothing sent.
	other := newCA(t, "someone else's CA")
	if err := os.WriteFile(root, other.pem, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := st.Update(func(tx *store.Tx) error {
		return tx.UpdateClientWith(clientNamed(t, st, "佐藤由紀").ID, func(p *profile.Profile) error { p.City = "神戸"; return nil })
	}); err != nil {
		t.Fatal(err)
	}
	_, err = Sync(context.Background(), st, pw, b.clock, nil)
	if !errors.Is(err, chain.ErrTLS) {
		t.Fatalf("sync with a root that did not sign the server's certificate: %v, want chain.ErrTLS", err)
	}
	if got := chain.ErrorText("en", err); got == "" || !strings.Contains(got, "certificate") || !strings.Contains(got, "sslrootcert") {
		t.Errorf("the refusal says %q", got)
	}
	pending := 0
	_ = st.View(func(tx *store.Tx) error { pending = tx.Pending(); return nil })
	if pending != 1 {
		t.Errorf("%d changes wait after the refused sync, want the one edit", pending)
	}
	if n := c.scalar(t, `SELECT count(*) FROM clients WHERE fields->>'city' = '神戸'`); n != 0 {
		t.Error("the edit reached the chain through a server with the wrong certificate")
	}
}
