package graph

import (
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql" // the driver Cayley's mysql backend uses
	_ "github.com/lib/pq"              // the driver Cayley's postgres backend uses
)

// freshPostgres creates an empty database on the server dsn names, drops it
// when the test ends, and returns its URL.
func freshPostgres(t testing.TB, dsn string) string {
	t.Helper()
	admin, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("cgtest_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Skipf("PostgreSQL at %s cannot create databases: %v", dsn, err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("postgres", dsn)
		if err == nil {
			a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			a.Close()
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + strings.TrimPrefix(name, "/")
	return u.String()
}

// freshMySQL creates an empty database on the MySQL or MariaDB server dsn
// (mysql://user@host/db) names, drops it when the test ends, and returns
// its URL.
func freshMySQL(t testing.TB, dsn string) string {
	t.Helper()
	native, err := mysqlDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("mysql", native)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("cgtest_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Skipf("MySQL at %s cannot create databases: %v", dsn, err)
	}
	t.Cleanup(func() {
		if a, err := sql.Open("mysql", native); err == nil {
			a.Exec("DROP DATABASE IF EXISTS " + name)
			a.Close()
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
