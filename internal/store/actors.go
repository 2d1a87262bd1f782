package store

import (
	"database/sql"
	"errors"
	"strings"

	"github.com/briefbot/briefbot"
)

// articleActors resolves the people of one article to merged actors and
// records what the article says about them.
type articleActors struct {
	w         *writer
	articleID int64
	// byName maps the normalised names and aliases used in this article.
	byName map[string]int64
	// bySurname maps surnames of this article's people, for a bare
	// surname the extractor did not list as an alias.
	bySurname map[string][]int64
}

// lookup returns the actor a name in this article refers to, adding it as
// a new person when the article's people list lacks it. An empty name is 0.
func (aa *articleActors) lookup(name string) (int64, error) {
	key := normalizeName(name)
	if key == "" {
		return 0, nil
	}
	if id, ok := aa.byName[key]; ok {
		return id, nil
	}
	if wordCount(key) == 1 && len(aa.bySurname[key]) == 1 {
		return aa.bySurname[key][0], nil
	}
	return aa.add(briefbot.Person{Name: name})
}

// add resolves p against the stored actors (creating one when none fits)
// and stores the mention, aliases and roles.
func (aa *articleActors) add(p briefbot.Person) (int64, error) {
	key := normalizeName(p.Name)
	if key == "" {
		return 0, nil
	}
	w := aa.w
	id, err := aa.resolve(p, key)
	if err != nil {
		return 0, err
	}
	if id == 0 {
		id, err = w.insert(`INSERT INTO actors(name, norm, surname, kind) VALUES (?, ?, ?, ?)`,
			p.Name, key, personSurname(key, p.Kind), p.Kind)
		if err != nil {
			return 0, err
		}
	}
	if err := w.exec(`INSERT OR IGNORE INTO mentions(article_id, actor_id, name, gender) VALUES (?, ?, ?, ?)`,
		aa.articleID, id, p.Name, p.Gender); err != nil {
		return 0, err
	}
	for _, alias := range append([]string{p.Name}, p.Aliases...) {
		aliasKey := normalizeName(alias)
		if aliasKey == "" {
			continue
		}
		if err := w.exec(`INSERT OR IGNORE INTO actor_aliases(actor_id, article_id, alias, norm) VALUES (?, ?, ?, ?)`,
			id, aa.articleID, strings.TrimSpace(alias), aliasKey); err != nil {
			return 0, err
		}
		if _, taken := aa.byName[aliasKey]; !taken {
			aa.byName[aliasKey] = id
		}
	}
	for _, role := range p.Roles {
		roleKey := normalize(role)
		if roleKey == "" {
			continue
		}
		if err := w.exec(`INSERT OR IGNORE INTO actor_roles(actor_id, article_id, role, norm) VALUES (?, ?, ?, ?)`,
			id, aa.articleID, strings.TrimSpace(role), roleKey); err != nil {
			return 0, err
		}
	}
	if sur := personSurname(key, p.Kind); sur != "" && sur != key {
		if aa.bySurname == nil {
			aa.bySurname = make(map[string][]int64)
		}
		aa.bySurname[sur] = append(aa.bySurname[sur], id)
	}
	return id, nil
}

type storedActor struct {
	id         int64
	norm, kind string
}

// resolve finds the stored actor p is, or 0. In order: the same normalised
// name; the same full name among aliases; for a bare surname, the one
// person with that surname (or the one whose roles agree); for a full name,
// a bare-surname actor when no other full name claims that surname.
func (aa *articleActors) resolve(p briefbot.Person, key string) (int64, error) {
	same, err := aa.query(`SELECT id, norm, kind FROM actors WHERE norm = ? ORDER BY kind = ? DESC, kind = '' DESC`, key, p.Kind)
	if err != nil {
		return 0, err
	}
	if same = filterKind(same, p.Kind); len(same) > 0 {
		return same[0].id, aa.refine(same[0], p, key)
	}

	fullNames := []string{key}
	for _, alias := range p.Aliases {
		if aliasKey := normalizeName(alias); wordCount(aliasKey) > 1 && looksLikeName(alias) {
			fullNames = append(fullNames, aliasKey)
		}
	}
	if wordCount(key) > 1 || len(fullNames) > 1 {
		candidates, err := aa.byFullName(fullNames, p.Kind)
		if err != nil {
			return 0, err
		}
		if len(candidates) == 1 {
			return candidates[0].id, aa.refine(candidates[0], p, key)
		}
	}

	if !kindsAgree(p.Kind, briefbot.KindPerson) {
		return 0, nil
	}
	surname := surnameOf(key)
	if wordCount(key) == 1 {
		candidates, err := aa.query(`SELECT id, norm, kind FROM actors WHERE surname = ? AND norm <> surname`, key)
		if err != nil {
			return 0, err
		}
		candidates = filterKind(candidates, p.Kind)
		if len(candidates) > 1 {
			if candidates, err = aa.rolesAgree(candidates, p.Roles); err != nil {
				return 0, err
			}
		}
		if len(candidates) == 1 {
			return candidates[0].id, aa.refine(candidates[0], p, key)
		}
		return 0, nil
	}
	bare, err := aa.query(`SELECT id, norm, kind FROM actors WHERE norm = ?`, surname)
	if err != nil || len(filterKind(bare, p.Kind)) != 1 {
		return 0, err
	}
	rivals, err := aa.query(`SELECT id, norm, kind FROM actors WHERE surname = ? AND norm <> surname`, surname)
	if err != nil || len(filterKind(rivals, briefbot.KindPerson)) > 0 {
		return 0, err
	}
	return bare[0].id, aa.refine(bare[0], p, key)
}

// byFullName returns the actors whose name or a proper-name alias is one of
// keys.
func (aa *articleActors) byFullName(keys []string, kind string) ([]storedActor, error) {
	seen := make(map[int64]bool)
	var out []storedActor
	for _, k := range keys {
		rows, err := aa.query(`SELECT id, norm, kind FROM actors WHERE norm = ?1
			UNION SELECT a.id, a.norm, a.kind FROM actor_aliases x JOIN actors a ON a.id = x.actor_id WHERE x.norm = ?1`, k)
		if err != nil {
			return nil, err
		}
		for _, c := range filterKind(rows, kind) {
			if !seen[c.id] {
				seen[c.id] = true
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// rolesAgree keeps the candidates that share a role with roles.
func (aa *articleActors) rolesAgree(candidates []storedActor, roles []string) ([]storedActor, error) {
	var keep []storedActor
	for _, c := range candidates {
		for _, role := range roles {
			var one int
			err := aa.w.tx.QueryRowContext(aa.w.ctx, `SELECT 1 FROM actor_roles WHERE actor_id = ? AND norm = ? LIMIT 1`,
				c.id, normalize(role)).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return nil, err
			}
			keep = append(keep, c)
			break
		}
	}
	return keep, nil
}

// refine upgrades a matched actor: a fuller name of the same person
// replaces a shorter one ("Trump" becomes "Donald Trump"), and an unknown
// kind takes p's.
func (aa *articleActors) refine(a storedActor, p briefbot.Person, key string) error {
	if a.kind == "" && p.Kind != "" {
		if err := aa.w.exec(`UPDATE OR IGNORE actors SET kind = ?, surname = ? WHERE id = ?`, p.Kind, personSurname(a.norm, p.Kind), a.id); err != nil {
			return err
		}
		a.kind = p.Kind
	}
	if wordCount(key) > wordCount(a.norm) && kindsAgree(a.kind, briefbot.KindPerson) && surnameOf(key) == surnameOf(a.norm) {
		var taken int
		err := aa.w.tx.QueryRowContext(aa.w.ctx, `SELECT count(*) FROM actors WHERE norm = ?`, key).Scan(&taken)
		if err != nil || taken > 0 {
			return err
		}
		return aa.w.exec(`UPDATE actors SET name = ?, norm = ?, surname = ? WHERE id = ?`,
			strings.TrimSpace(p.Name), key, surnameOf(key), a.id)
	}
	return nil
}

func (aa *articleActors) query(query string, args ...any) ([]storedActor, error) {
	rows, err := aa.w.tx.QueryContext(aa.w.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedActor
	for rows.Next() {
		var a storedActor
		if err := rows.Scan(&a.id, &a.norm, &a.kind); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func filterKind(actors []storedActor, kind string) []storedActor {
	var keep []storedActor
	for _, a := range actors {
		if kindsAgree(a.kind, kind) {
			keep = append(keep, a)
		}
	}
	return keep
}

// kindsAgree treats an unknown kind as compatible with any.
func kindsAgree(a, b string) bool { return a == "" || b == "" || a == b }

// personSurname is the surname key of a person (or unknown kind), "" for
// organisations and places, which have no surname to match on.
func personSurname(key, kind string) string {
	if !kindsAgree(kind, briefbot.KindPerson) {
		return ""
	}
	return surnameOf(key)
}
