// Package pgtest starts a real PostgreSQL server for the tests of the chain
// (issue 16): the chain's schema, its roles and its row-level security are
// PostgreSQL's own behaviour, which no mock reproduces, so the tests run
// against the real thing, started by the tests themselves.
//
// One server per test package: the package's TestMain calls Main, the first
// test that needs the server starts it (initdb and pg_ctl in a temporary
// directory), and Main stops it and removes the directory after the tests,
// whether they passed or failed. The server listens on a Unix socket in
// that directory only (listen_addresses is empty), so tests never touch the
// network nor a server of the machine. A test of TLS starts a server of its
// own with StartTLS, which also listens on 127.0.0.1 (a free port), TLS only. When the tests run as root (CI),
// initdb, pg_ctl and postgres run as the unprivileged "postgres" user, as
// PostgreSQL refuses to run as root; the directory is handed to that user.
//
// The binaries are found on PATH or under /usr/lib/postgresql/N/bin, where
// Debian's postgresql package puts them (the newest N). When PostgreSQL is
// missing a test is skipped with a message saying how to install it,
// except when CI=true, where it fails: .ci/run installs it.
//
// The superuser is "postgres", trusted on the socket; every other role
// logs in with its password (scram-sha-256), so the tests of passwords and
// of what a role may read are real.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Superuser is the name of the server's superuser, trusted on its socket.
const Superuser = "postgres"

// PG is a running server of a test package.
type PG struct {
	dir    string // temporary directory: data/, the socket, the log
	bin    string // directory of initdb, pg_ctl, postgres
	cred   *syscall.Credential
	port   int
	serial atomic.Int64
}

var (
	mu       sync.Mutex
	running  *PG
	startErr error
	started  bool
)

// Main runs the package's tests and then stops and removes the server if a
// test started one. Call it from TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	mu.Lock()
	defer mu.Unlock()
	if running != nil {
		if err := running.stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
			if code == 0 {
				code = 1
			}
		}
		running = nil
	}
	return code
}

// Server returns the package's server, starting it on first use. When
// PostgreSQL is not installed the test is skipped (failed when CI=true).
func Server(t testing.TB) *PG {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if !started {
		started = true
		running, startErr = start()
	}
	if startErr != nil {
		if errors.Is(startErr, errMissing) && os.Getenv("CI") != "true" {
			t.Skip("pgtest: " + startErr.Error())
		}
		t.Fatal("pgtest: " + startErr.Error())
	}
	return running
}

var errMissing = errors.New("PostgreSQL is not installed (initdb not on PATH nor under /usr/lib/postgresql/*/bin): install Debian's postgresql package (apt-get install postgresql); .ci/run does")

// findBin returns the directory holding initdb and pg_ctl.
func findBin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if fileExists(filepath.Join(d, "initdb")) && fileExists(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	return "", errMissing
}

// version reads N of /usr/lib/postgresql/N/bin.
func version(dir string) float64 {
	v, _ := strconv.ParseFloat(filepath.Base(filepath.Dir(dir)), 64)
	return v
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

func start() (*PG, error) { return startWith(nil) }

// tlsFiles are the server's certificate and key, PEM: a server started
// with them also listens on TCP at 127.0.0.1, TLS only (hostssl).
type tlsFiles struct{ cert, key []byte }

func startWith(tf *tlsFiles) (*PG, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	// A short path: a Unix socket's path is limited to about 100 bytes.
	dir, err := os.MkdirTemp("/tmp", "pgtest-")
	if err != nil {
		return nil, err
	}
	pg := &PG{dir: dir, bin: bin, port: 5432}
	if tf != nil {
		if pg.port, err = freePort(); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root, and there is no unprivileged postgres user to run PostgreSQL as (Debian's postgresql package creates it): %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		pg.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	if err := pg.run("initdb", "-D", pg.data(), "-U", Superuser, "-E", "UTF8", "--locale=C", "--no-sync", "-A", "trust"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	hba := "local all " + Superuser + " trust\nlocal all all scram-sha-256\n"
	if tf != nil {
		hba += "hostssl all all 127.0.0.1/32 scram-sha-256\n"
		for name, pem := range map[string][]byte{"server.crt": tf.cert, "server.key": tf.key} {
			if err := pg.writeFile(filepath.Join(pg.data(), name), string(pem)); err != nil {
				os.RemoveAll(dir)
				return nil, err
			}
		}
	}
	if err := pg.writeFile(filepath.Join(pg.data(), "pg_hba.conf"), hba); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	conf := strings.Join([]string{
		"listen_addresses = ''",
		"unix_socket_directories = '" + dir + "'",
		fmt.Sprintf("port = %d", pg.port),
		"fsync = off", "full_page_writes = off", // the machine does not crash in a test; a stopped server (Stop) keeps every commit
		"max_connections = 100",
		"password_encryption = 'scram-sha-256'",
	}, "\n") + "\n"
	if tf != nil {
		conf += "listen_addresses = '127.0.0.1'\nssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n"
	}
	// PGTEST_CONF adds settings for a profile of the tests' queries
	// (e.g. "log_min_duration_statement = 50"); PGTEST_LOG names a file the
	// server's log is copied to when the server is removed.
	if extra := os.Getenv("PGTEST_CONF"); extra != "" {
		conf += strings.ReplaceAll(extra, ";", "\n") + "\n"
	}
	if err := pg.appendFile(filepath.Join(pg.data(), "postgresql.conf"), conf); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := pg.run("pg_ctl", "start", "-w", "-t", "60", "-D", pg.data(), "-l", filepath.Join(dir, "log")); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("%v\n%s", err, log)
	}
	pg.watch()
	return pg, nil
}

// watch starts a watchdog that stops the server and removes its directory
// when the test process ends without Main's clean-up (a panicking test, a
// timeout, kill -9): it looks once a second whether the process is still
// there, and leaves when the directory is gone (Main removed it). It runs
// as the server's user, in a session of its own, so it outlives the tests.
func (pg *PG) watch() {
	script := fmt.Sprintf(`while [ -d /proc/%d ] && [ -d '%s' ]; do sleep 1; done
if [ -d '%s' ]; then '%s' stop -w -t 60 -m immediate -D '%s' >/dev/null 2>&1; rm -rf '%s'; fi`,
		os.Getpid(), pg.dir, pg.dir, filepath.Join(pg.bin, "pg_ctl"), pg.data(), pg.dir)
	cmd := exec.Command("/bin/sh", "-c", script)
	cmd.Dir = "/"
	cmd.Env = []string{"LANG=C", "LC_ALL=C", "PATH=" + pg.bin + ":/usr/bin:/bin", "TZ=UTC"}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Credential: pg.cred}
	if cmd.Start() == nil {
		go func() { _ = cmd.Wait() }()
	}
}

func (pg *PG) data() string { return filepath.Join(pg.dir, "data") }

// run runs a PostgreSQL program as the server's user.
func (pg *PG) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(pg.bin, name), args...)
	cmd.Dir = pg.dir
	cmd.Env = []string{"LANG=C", "LC_ALL=C", "PATH=" + pg.bin + ":/usr/bin:/bin", "TZ=UTC"}
	if pg.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: pg.cred}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// writeFile writes a file in the server's directory, owned by its user.
func (pg *PG) writeFile(path, text string) error {
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		return err
	}
	return pg.chown(path)
}

func (pg *PG) appendFile(path, text string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (pg *PG) chown(path string) error {
	if pg.cred == nil {
		return nil
	}
	return os.Chown(path, int(pg.cred.Uid), int(pg.cred.Gid))
}

// stop stops the server and removes its directory.
func (pg *PG) stop() error {
	err := pg.run("pg_ctl", "stop", "-w", "-t", "60", "-m", "immediate", "-D", pg.data())
	if keep := os.Getenv("PGTEST_LOG"); keep != "" {
		if log, rerr := os.ReadFile(filepath.Join(pg.dir, "log")); rerr == nil {
			_ = os.WriteFile(keep, log, 0o600)
		}
	}
	if rerr := os.RemoveAll(pg.dir); err == nil {
		err = rerr
	}
	return err
}

// StartTLS starts a server of the test's own (not the package's) that also
// listens on TCP at 127.0.0.1 on a free port, TLS only, with the
// certificate and key given (PEM; the test makes them); it is stopped and
// removed when the test ends. TCPDSN reaches it over TLS.
func StartTLS(t testing.TB, certPEM, keyPEM []byte) *PG {
	t.Helper()
	Server(t) // skipped (or failed in CI) as the package's server is when PostgreSQL is missing
	pg, err := startWith(&tlsFiles{cert: certPEM, key: keyPEM})
	if err != nil {
		t.Fatal("pgtest: " + err.Error())
	}
	t.Cleanup(func() {
		if err := pg.stop(); err != nil {
			t.Error("pgtest: " + err.Error())
		}
	})
	return pg
}

// TCPDSN returns the connection string of database db on the server's TCP
// port at host "localhost", for user with password, without sslmode (the
// test adds its own, with sslrootcert).
func (pg *PG) TCPDSN(db, user, password string) string {
	s := fmt.Sprintf("host=localhost port=%d dbname=%s user=%s", pg.port, db, user)
	if password != "" {
		s += " password='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(password) + "'"
	}
	return s
}

// freePort returns a TCP port of 127.0.0.1 nobody listens on.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Stop stops the server without removing it, as a crash of the database
// would look to a client; Start starts it again. Tests of a server gone
// mid-sync use them.
func (pg *PG) Stop(t testing.TB) {
	t.Helper()
	if err := pg.run("pg_ctl", "stop", "-w", "-t", "60", "-m", "immediate", "-D", pg.data()); err != nil {
		t.Fatal(err)
	}
}

// Start starts a server stopped by Stop.
func (pg *PG) Start(t testing.TB) {
	t.Helper()
	if err := pg.run("pg_ctl", "start", "-w", "-t", "60", "-D", pg.data(), "-l", filepath.Join(pg.dir, "log")); err != nil {
		t.Fatal(err)
	}
}

// DSN returns the connection string of database db on the server's socket
// for user with password (empty: none, as for the superuser).
func (pg *PG) DSN(db, user, password string) string {
	s := fmt.Sprintf("host=%s port=%d dbname=%s user=%s sslmode=disable", pg.dir, pg.port, db, user)
	if password != "" {
		s += " password='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(password) + "'"
	}
	return s
}

// AdminDSN returns the superuser's connection string of database db.
func (pg *PG) AdminDSN(db string) string { return pg.DSN(db, Superuser, "") }

// NewDatabase creates an empty database for the test and drops it when the
// test ends; it returns its name. Roles are the server's, not the
// database's: a test that creates roles names them apart or drops them.
func (pg *PG) NewDatabase(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("t%d_%d", os.Getpid(), pg.serial.Add(1))
	pg.Exec(t, "postgres", "CREATE DATABASE "+name)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		conn, err := pgx.Connect(ctx, pg.AdminDSN("postgres"))
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Error(err)
		}
	})
	return name
}

// Exec runs sql as the superuser in database db and fails the test on error.
func (pg *PG) Exec(t testing.TB, db, sql string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// Installed reports whether PostgreSQL's initdb and pg_ctl are found: a
// test that can do without the server asks before calling Server, which
// skips the whole test.
func Installed() bool {
	_, err := findBin()
	return err == nil
}

// CPU returns the processor time the server has used so far, user and
// system, of the postmaster and every backend (those still running and
// those that ended, which the postmaster reaped): a benchmark reports the
// server's share of a sync by the difference, apart from the wall time a
// loaded machine inflates. Linux only (/proc); 0 elsewhere.
func (pg *PG) CPU() time.Duration {
	raw, err := os.ReadFile(filepath.Join(pg.data(), "postmaster.pid"))
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(raw), "\n", 2)[0]))
	if pid == 0 {
		return 0
	}
	const hz = 100 // USER_HZ, the unit of /proc's times on Linux
	var ticks int64
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range procs {
		f := procStat(p)
		if len(f) < 15 {
			continue
		}
		me, _ := strconv.Atoi(f[0])
		parent, _ := strconv.Atoi(f[1])
		if me != pid && parent != pid {
			continue
		}
		for _, i := range []int{11, 12} { // utime, stime
			n, _ := strconv.ParseInt(f[i], 10, 64)
			ticks += n
		}
		if me == pid {
			for _, i := range []int{13, 14} { // cutime, cstime: ended backends
				n, _ := strconv.ParseInt(f[i], 10, 64)
				ticks += n
			}
		}
	}
	return time.Duration(ticks) * time.Second / hz
}

// procStat returns the fields of /proc/PID/stat from the pid on, the
// command's name (which may hold spaces) left out: [0] pid, [1] ppid,
// [11] utime, [12] stime, [13] cutime, [14] cstime.
func procStat(path string) []string {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	s := string(raw)
	open, close := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || close < open {
		return nil
	}
	rest := strings.Fields(s[close+1:]) // state, ppid, ...
	if len(rest) < 14 {
		return nil
	}
	// rest[0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime
	return append([]string{strings.TrimSpace(s[:open])}, rest[1:]...)
}
