package store

import (
	"database/sql"
	"errors"

	"github.com/briefbot/briefbot/internal/storage"
)

// actorRows are the actor queries of a save transaction, for
// storage.ArticleActors.
type actorRows struct{ w *writer }

var _ storage.ActorRows = actorRows{}

func (r actorRows) ByNorm(key string) ([]storage.StoredActor, error) {
	return r.query(`SELECT id, norm, kind FROM actors WHERE norm = ?`, key)
}

func (r actorRows) ByNameOrAlias(key string) ([]storage.StoredActor, error) {
	return r.query(`SELECT id, norm, kind FROM actors WHERE norm = ?1
		UNION SELECT a.id, a.norm, a.kind FROM actor_aliases x JOIN actors a ON a.id = x.actor_id WHERE x.norm = ?1`, key)
}

func (r actorRows) BySurname(surname string) ([]storage.StoredActor, error) {
	return r.query(`SELECT id, norm, kind FROM actors WHERE surname = ? AND norm <> surname`, surname)
}

func (r actorRows) HasRole(actorID int64, key string) (bool, error) {
	var one int
	err := r.w.tx.QueryRowContext(r.w.ctx, `SELECT 1 FROM actor_roles WHERE actor_id = ? AND norm = ? LIMIT 1`, actorID, key).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

func (r actorRows) NormTaken(key string) (bool, error) {
	n, err := r.w.queryInt(`SELECT count(*) FROM actors WHERE norm = ?`, key)
	return n > 0, err
}

func (r actorRows) InsertActor(name, norm, surname, kind string) (int64, error) {
	return r.w.insert(`INSERT INTO actors(name, norm, surname, kind) VALUES (?, ?, ?, ?)`, name, norm, surname, kind)
}

func (r actorRows) SetKind(id int64, kind, surname string) error {
	return r.w.exec(`UPDATE OR IGNORE actors SET kind = ?, surname = ? WHERE id = ?`, kind, surname, id)
}

func (r actorRows) Rename(id int64, name, norm, surname string) error {
	return r.w.exec(`UPDATE actors SET name = ?, norm = ?, surname = ? WHERE id = ?`, name, norm, surname, id)
}

func (r actorRows) AddMention(articleID, actorID int64, name, gender string) error {
	return r.w.exec(`INSERT OR IGNORE INTO mentions(article_id, actor_id, name, gender) VALUES (?, ?, ?, ?)`,
		articleID, actorID, name, gender)
}

func (r actorRows) AddAlias(actorID, articleID int64, alias, norm string) error {
	return r.w.exec(`INSERT OR IGNORE INTO actor_aliases(actor_id, article_id, alias, norm) VALUES (?, ?, ?, ?)`,
		actorID, articleID, alias, norm)
}

func (r actorRows) AddRole(actorID, articleID int64, role, norm string) error {
	return r.w.exec(`INSERT OR IGNORE INTO actor_roles(actor_id, article_id, role, norm) VALUES (?, ?, ?, ?)`,
		actorID, articleID, role, norm)
}

func (r actorRows) query(query string, args ...any) ([]storage.StoredActor, error) {
	rows, err := r.w.tx.QueryContext(r.w.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storage.StoredActor
	for rows.Next() {
		var a storage.StoredActor
		if err := rows.Scan(&a.ID, &a.Norm, &a.Kind); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
