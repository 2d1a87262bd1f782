package postgres

import "github.com/briefbot/briefbot/internal/storage"

// actorRows are the actor queries of a save, for storage.ArticleActors.
// Mentions are only read by the sweep of orphan actors, after the copy,
// so they are collected for it rather than inserted one by one.
type actorRows struct {
	w           *writer
	mentions    map[[2]int64]bool
	mentionRows [][]any
}

var _ storage.ActorRows = (*actorRows)(nil)

func (r *actorRows) ByNorm(key string) ([]storage.StoredActor, error) {
	return r.query(`SELECT id, norm, kind FROM actors WHERE norm = $1`, key)
}

func (r *actorRows) ByNameOrAlias(key string) ([]storage.StoredActor, error) {
	return r.query(`SELECT id, norm, kind FROM actors WHERE norm = $1
		UNION SELECT a.id, a.norm, a.kind FROM actor_aliases x JOIN actors a ON a.id = x.actor_id WHERE x.norm = $1`, key)
}

func (r *actorRows) BySurname(surname string) ([]storage.StoredActor, error) {
	return r.query(`SELECT id, norm, kind FROM actors WHERE surname = $1 AND norm <> surname`, surname)
}

func (r *actorRows) HasRole(actorID int64, key string) (bool, error) {
	var has bool
	err := r.w.one(`SELECT EXISTS (SELECT 1 FROM actor_roles WHERE actor_id = $1 AND norm = $2)`, []any{actorID, key}, &has)
	return has, err
}

func (r *actorRows) NormTaken(key string) (bool, error) {
	var taken bool
	err := r.w.one(`SELECT EXISTS (SELECT 1 FROM actors WHERE norm = $1)`, []any{key}, &taken)
	return taken, err
}

func (r *actorRows) InsertActor(name, norm, surname, kind string) (int64, error) {
	var id int64
	err := r.w.one(`INSERT INTO actors(name, norm, surname, kind) VALUES ($1, $2, $3, $4) RETURNING id`,
		[]any{name, norm, surname, kind}, &id)
	return id, err
}

func (r *actorRows) SetKind(id int64, kind, surname string) error {
	// SQLite's UPDATE OR IGNORE: not when another actor of that name has the kind.
	r.w.later(`UPDATE actors a SET kind = $1, surname = $2 WHERE a.id = $3
		AND NOT EXISTS (SELECT 1 FROM actors other WHERE other.norm = a.norm AND other.kind = $1)`, kind, surname, id)
	return nil
}

func (r *actorRows) Rename(id int64, name, norm, surname string) error {
	r.w.later(`UPDATE actors SET name = $1, norm = $2, surname = $3 WHERE id = $4`, name, norm, surname, id)
	return nil
}

func (r *actorRows) AddMention(articleID, actorID int64, name, gender string) error {
	key := [2]int64{articleID, actorID}
	if !r.mentions[key] {
		r.mentions[key] = true
		r.mentionRows = append(r.mentionRows, []any{articleID, actorID, name, gender})
	}
	return nil
}

func (r *actorRows) AddAlias(actorID, articleID int64, alias, norm string) error {
	r.w.later(`INSERT INTO actor_aliases(actor_id, article_id, alias, norm) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
		actorID, articleID, alias, norm)
	return nil
}

func (r *actorRows) AddRole(actorID, articleID int64, role, norm string) error {
	r.w.later(`INSERT INTO actor_roles(actor_id, article_id, role, norm) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
		actorID, articleID, role, norm)
	return nil
}

func (r *actorRows) query(sql string, args ...any) ([]storage.StoredActor, error) {
	var out []storage.StoredActor
	var a storage.StoredActor
	_, err := r.w.each(sql, args, []any{&a.ID, &a.Norm, &a.Kind}, func() error {
		out = append(out, a)
		return nil
	})
	return out, err
}
