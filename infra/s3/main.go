// Command fake-s3 serves an S3-compatible API (gofakes3) on one address, path-style, with one
// bucket created at start: the local stand-in for an object store, used by the products image
// storage tests (infra/local/lib.sh's ensure_fake_s3 builds it into .local/bin/fake-s3).
//
//	fake-s3 -host 127.0.0.1 -port 9000 -bucket bloom-images [-backend memory|bolt] [-bolt.db file]
//
// -port 0 takes any free port. Once it accepts connections it prints one line to stdout,
// "fake-s3 listening on http://<host>:<port>", so a parent process knows where and when.
// It checks no credentials or signatures: never expose it beyond a test or a private network.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3bolt"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

const gofakes3Module = "github.com/johannesboyne/gofakes3"

func main() {
	if err := run(); err != nil {
		log.Fatalf("fake-s3: %v", err)
	}
}

// version names this program's gofakes3, so a caller can tell which build it runs.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "fake-s3 (unknown build)"
	}
	for _, dep := range info.Deps {
		if dep.Path == gofakes3Module {
			return fmt.Sprintf("fake-s3 gofakes3@%s %s", dep.Version, info.GoVersion)
		}
	}
	return "fake-s3 " + info.GoVersion
}

func run() error {
	host := flag.String("host", "127.0.0.1", "interface to listen on")
	port := flag.Int("port", 9000, "port to listen on (0: any free port)")
	bucket := flag.String("bucket", "", "bucket to create at start when missing (optional)")
	backendKind := flag.String("backend", "memory", "where objects live: memory, or bolt (a file)")
	boltFile := flag.String("bolt.db", "fake-s3.db", "the bolt backend's file")
	quiet := flag.Bool("quiet", false, "log nothing but errors")
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()

	if *showVersion {
		fmt.Println(version())
		return nil
	}
	if *port < 0 || *port > 65535 {
		return fmt.Errorf("-port %d is out of range", *port)
	}

	var backend gofakes3.Backend
	switch *backendKind {
	case "memory", "mem":
		backend = s3mem.New()
	case "bolt":
		db, err := s3bolt.NewFile(*boltFile)
		if err != nil {
			return fmt.Errorf("opening %s: %w", *boltFile, err)
		}
		backend = db
	default:
		return fmt.Errorf("unknown -backend %q (memory or bolt)", *backendKind)
	}
	if *bucket != "" {
		if err := backend.CreateBucket(*bucket); err != nil && !gofakes3.IsAlreadyExists(err) {
			return fmt.Errorf("creating bucket %q: %w", *bucket, err)
		}
	}

	levels := []gofakes3.LogLevel{gofakes3.LogErr, gofakes3.LogWarn}
	if !*quiet {
		levels = append(levels, gofakes3.LogInfo)
	} else {
		levels = levels[:1]
	}
	faker := gofakes3.New(backend, gofakes3.WithLogger(gofakes3.GlobalLog(levels...)))
	s3 := faker.Server()

	// /_health answers without touching the backend (no bucket can be named "_health"), for
	// health checks that have only wget or curl.
	mux := http.NewServeMux()
	mux.HandleFunc("/_health", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.Handle("/", s3)

	listener, err := net.Listen("tcp", net.JoinHostPort(*host, strconv.Itoa(*port)))
	if err != nil {
		return err
	}
	server := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- server.Serve(listener) }()

	address := listener.Addr().(*net.TCPAddr)
	fmt.Printf("fake-s3 listening on http://%s\n", net.JoinHostPort(*host, strconv.Itoa(address.Port)))

	select {
	case err := <-done:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-stop:
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return server.Shutdown(ctx)
	}
}
