// Package store keeps extracts in an embedded SQLite database.
//
// Writes go through a single connection (SQLite allows one writer at a
// time, and serialising them in the pool avoids SQLITE_BUSY under load);
// reads use a separate pool so queries run concurrently with an ingest.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DB is the briefbot database. It implements briefbot.Reader.
type DB struct {
	path   string
	writer *sql.DB
	reader *sql.DB
	read   *preparedReader // the reader's statements, for the queries of commands

	// views are the cached whole-store values answers read through; the
	// write count of their clock is shared by every DB of this process
	// open on the file, so a write by one of them shows at once in the
	// others.
	views storage.Views

	// The statement recording a request signature and when the expired
	// ones are next deleted (Unix nanoseconds); see RememberSignatures.
	signatureMu     sync.Mutex
	signatureStmt   *sql.Stmt
	sweptSignatures atomic.Int64
}

var _ briefbot.Reader = (*DB)(nil)

// Open opens (creating if needed) and migrates the database at path.
func Open(path string) (*DB, error) {
	return openMigrated(path, len(migrations))
}

// openMigrated opens path and applies migrations up to version target;
// tests use it to build a database at an older schema.
func openMigrated(path string, target int) (*DB, error) {
	// SQLite says only "unable to open database file" for a missing folder.
	if dir := filepath.Dir(path); dir != "" {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("open database %s: its folder %s does not exist; create it or choose another path", path, dir)
		}
	}
	writer, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	writer.SetMaxOpenConns(1)
	writer.SetConnMaxIdleTime(0)
	db := &DB{path: path, writer: writer}
	db.setViews()
	if err := db.migrate(context.Background(), target); err != nil {
		writer.Close()
		return nil, err
	}
	reader, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// Each reading connection holds its own page cache: more connections
	// than cores add memory, not speed (queries are CPU-bound in pure-Go
	// SQLite), and a burst of requests waits for one instead. One more
	// than the cores lets a search rank its two indexes side by side
	// while another answer reads.
	readers := runtime.GOMAXPROCS(0) + 1
	reader.SetMaxOpenConns(readers)
	reader.SetMaxIdleConns(readers)
	db.reader, db.read = reader, newPreparedReader(reader)
	return db, nil
}

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	if readOnly {
		// A 4 MiB page cache per reading connection (SQLite's default is
		// 2 MiB) holds what a common word's answers read again: the rows
		// of its newest matches and the full-text document sizes BM25
		// ranks with. With 2 MiB a phrase matching 2,700 quotes took twice
		// as long; 8 MiB bought nothing more.
		q.Add("_pragma", "query_only(1)")
		q.Add("_pragma", "cache_size(-4096)")
	} else {
		// BEGIN IMMEDIATE takes the write lock up front, so a transaction
		// never fails half-way with SQLITE_BUSY when it first writes.
		q.Set("_txlock", "immediate")
		// An ingest rewrites the same index and full-text pages batch
		// after batch: an 8 MiB cache keeps them instead of reading them
		// back, and checkpointing every 10,000 log pages (some 40 MB)
		// rather than SQLite's 1,000 copies each page to the database
		// once for many commits. Together they took the 10,000-article
		// bench ingest from 20 s to 15 s; the cache fills only while
		// writing.
		q.Add("_pragma", "cache_size(-8192)")
		q.Add("_pragma", "wal_autocheckpoint(10000)")
	}
	return "file:" + path + "?" + q.Encode()
}

// Close closes the database.
func (db *DB) Close() error {
	var signatures error
	db.signatureMu.Lock()
	if db.signatureStmt != nil {
		signatures = db.signatureStmt.Close()
	}
	db.signatureMu.Unlock()
	return errors.Join(signatures, db.read.Close(), db.reader.Close(), db.writer.Close())
}

// FileHashes returns the content hash of every ingested file, by path.
func (db *DB) FileHashes(ctx context.Context) (map[string]string, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT path, file_hash FROM files`)
	if err != nil {
		return nil, fmt.Errorf("read file hashes from %s: %w", db.path, err)
	}
	defer rows.Close()
	hashes := make(map[string]string)
	for rows.Next() {
		var path, hash string
		if err := rows.Scan(&path, &hash); err != nil {
			return nil, fmt.Errorf("read file hashes from %s: %w", db.path, err)
		}
		hashes[path] = hash
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read file hashes from %s: %w", db.path, err)
	}
	return hashes, nil
}

// SaveFile replaces everything loaded from path with extracts, in one
// transaction: on any error nothing changes and the previous version of
// the file stays as it was.
func (db *DB) SaveFile(ctx context.Context, path, fileHash string, extracts []*briefbot.Extract) error {
	return db.SaveFiles(ctx, []briefbot.ArticleFile{{Path: path, Hash: fileHash, Extracts: extracts}})
}

// SaveFiles saves several files as SaveFile does, all in one transaction:
// on any error none of them changes. Ingest saves files in batches because
// a commit, and the full-text index flush that comes with it, costs more
// than storing a typical article.
func (db *DB) SaveFiles(ctx context.Context, files []briefbot.ArticleFile) error {
	if len(files) == 0 {
		return nil
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		w := &writer{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
		sweep := false
		for _, f := range files {
			replaced, err := w.saveFile(f)
			if err != nil {
				return fmt.Errorf("save %s: %w", f.Path, err)
			}
			sweep = sweep || replaced
		}
		if err := w.indexNew(); err != nil {
			return fmt.Errorf("index the saved text for search: %w", err)
		}
		if !sweep {
			// Saving only adds mentions; actors lose their last one only
			// when an earlier version of a file is dropped. Skipping the
			// sweep, which reads every actor, keeps a first ingest linear.
			return nil
		}
		return deleteOrphanActors(ctx, tx)
	})
	if err != nil && len(files) == 1 && !strings.Contains(err.Error(), files[0].Path) {
		err = fmt.Errorf("save %s: %w", files[0].Path, err)
	}
	return err
}

// saveFile replaces f inside the writer's transaction and reports whether
// an earlier version of it was dropped.
func (w *writer) saveFile(f briefbot.ArticleFile) (replaced bool, err error) {
	if err := w.rememberSeqs(f.Path); err != nil {
		return false, err
	}
	replaced, err = unlinkFile(w.ctx, w.tx, f.Path)
	if err != nil {
		return replaced, err
	}
	fileID, err := w.insert(`INSERT INTO files(path, file_hash, loaded_at) VALUES (?, ?, ?)`,
		f.Path, f.Hash, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return replaced, err
	}
	for i, x := range f.Extracts {
		if x == nil || x.Article == nil {
			return replaced, fmt.Errorf("extract %d has no article", i)
		}
		if err := w.saveExtract(fileID, f.Path, x); err != nil {
			return replaced, fmt.Errorf("article %q: %w", x.Article.ID, err)
		}
	}
	return replaced, nil
}

// rememberSeqs keeps the sequence numbers of path's stored articles that
// no other file holds (those another file holds stay stored anyway).
func (w *writer) rememberSeqs(path string) error {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT a.body_hash, a.seq FROM articles a
		JOIN file_articles fa ON fa.article_id = a.id JOIN files f ON f.id = fa.file_id
		WHERE f.path = ? AND NOT EXISTS (SELECT 1 FROM file_articles other
			WHERE other.article_id = a.id AND other.file_id <> f.id)`, path)
	if err != nil {
		return err
	}
	defer rows.Close()
	w.previousSeqs = map[string]int64{}
	for rows.Next() {
		var hash string
		var seq int64
		if err := rows.Scan(&hash, &seq); err != nil {
			return err
		}
		w.previousSeqs[hash] = seq
	}
	return rows.Err()
}

// Checkpoint copies the write-ahead log into the database file and empties
// it. The log is checkpointed only every 10,000 pages while writing (see
// dsn), so after a large ingest it would otherwise keep tens of megabytes
// on disk. It waits for readers of older snapshots, which answer in
// milliseconds, up to the busy timeout.
func (db *DB) Checkpoint(ctx context.Context) error {
	if _, err := db.writer.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint %s: %w", db.path, err)
	}
	return nil
}

// RemoveFile drops path; articles left with no file are deleted.
func (db *DB) RemoveFile(ctx context.Context, path string) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := unlinkFile(ctx, tx, path); err != nil {
			return err
		}
		return deleteOrphanActors(ctx, tx)
	})
	if err != nil {
		return fmt.Errorf("remove %s from the database: %w", path, err)
	}
	return nil
}

func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, ignoreDone(tx.Rollback()))
	}
	err = tx.Commit()
	db.views.Clock.Writes.Add(1) // cached views check the file's version again
	return err
}

// ignoreDone drops the error of rolling back a transaction that the
// driver already ended because its context was cancelled.
func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

// unlinkFile removes path and its links, then the articles no other file
// holds; their sentences, quotes, events and positions go by cascade. It
// reports whether path was stored.
func unlinkFile(ctx context.Context, tx *sql.Tx, path string) (bool, error) {
	var fileID int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM files WHERE path = ?`, path).Scan(&fileID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	stmts := []string{
		`CREATE TEMP TABLE IF NOT EXISTS unlinked(article_id INTEGER PRIMARY KEY)`,
		`DELETE FROM temp.unlinked`,
		`INSERT INTO temp.unlinked SELECT article_id FROM file_articles WHERE file_id = ?1`,
		`DELETE FROM files WHERE id = ?1`,
		`DELETE FROM articles WHERE id IN (SELECT article_id FROM temp.unlinked)
			AND NOT EXISTS (SELECT 1 FROM file_articles fa WHERE fa.article_id = articles.id)`,
	}
	for _, stmt := range stmts {
		if _, err := tx.ExecContext(ctx, stmt, fileID); err != nil {
			return true, err
		}
	}
	return true, nil
}

// deleteOrphanActors drops actors that no stored article mentions or quotes.
func deleteOrphanActors(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM actors
		WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = actors.id)
		  AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.actor_id = actors.id)
		  AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.actor_id = actors.id)`)
	return err
}

var _ briefbot.Store = (*DB)(nil)
