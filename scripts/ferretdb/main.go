// Command ferretdb runs FerretDB v1 (PostgreSQL or SQLite backend) through its embeddable package.
//
// Why a wrapper: building github.com/FerretDB/FerretDB/cmd/ferretdb from the module proxy panics at start
// (the module zip has no build/version/version.txt, and Go records FerretDB as the main module even from a
// wrapper module). With this file as the main package, the version check is skipped, as it is for embedders.
// scripts/toolchain.sh copies it into a throwaway module and builds it; it is not part of the Node project.
package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	handler := flag.String("handler", "postgresql", "backend: postgresql or sqlite")
	postgresqlURL := flag.String("postgresql-url", "", "PostgreSQL URL, e.g. postgres://user@127.0.0.1:5432/ferretdb")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite URI of an existing directory, e.g. file:/tmp/db/")
	logLevel := flag.String("log-level", "error", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		slog.Error("bad --log-level", "error", err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:       *handler,
		PostgreSQLURL: *postgresqlURL,
		SQLiteURL:     *sqliteURL,
		Logger:        logger,
	})
	if err != nil {
		logger.Error("cannot start FerretDB", "error", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := f.Run(ctx); err != nil {
		logger.Error("FerretDB stopped", "error", err)
		os.Exit(1)
	}
}
