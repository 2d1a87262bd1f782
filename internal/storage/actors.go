package storage

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot"
)

// StoredActor is an actor row as resolution compares it.
type StoredActor struct {
	ID         int64
	Norm, Kind string
}

// ActorRows is what merging actors reads and writes, inside the
// transaction that saves an article: each backend's SQL.
type ActorRows interface {
	// ByNorm returns the actors whose normalised name is key.
	ByNorm(key string) ([]StoredActor, error)
	// ByNameOrAlias returns the actors whose normalised name or an
	// alias is key.
	ByNameOrAlias(key string) ([]StoredActor, error)
	// BySurname returns the actors with that surname and a longer name.
	BySurname(surname string) ([]StoredActor, error)
	// HasRole reports whether an actor has a role of normalised text key.
	HasRole(actorID int64, key string) (bool, error)
	// NormTaken reports whether an actor has the normalised name key.
	NormTaken(key string) (bool, error)
	InsertActor(name, norm, surname, kind string) (int64, error)
	// SetKind sets an actor's kind and surname, unless another actor of
	// that name has the kind already.
	SetKind(id int64, kind, surname string) error
	Rename(id int64, name, norm, surname string) error
	// AddMention, AddAlias and AddRole record what an article says about
	// an actor; a repeat of a recorded one is ignored.
	AddMention(articleID, actorID int64, name, gender string) error
	AddAlias(actorID, articleID int64, alias, norm string) error
	AddRole(actorID, articleID int64, role, norm string) error
}

// ArticleActors resolves the people of one article to merged actors and
// records what the article says about them.
type ArticleActors struct {
	rows      ActorRows
	articleID int64
	// byName maps the normalised names and aliases used in this article.
	byName map[string]int64
	// bySurname maps surnames of this article's people, for a bare
	// surname the extractor did not list as an alias.
	bySurname map[string][]int64
}

// NewArticleActors resolves the actors of article articleID through rows.
func NewArticleActors(rows ActorRows, articleID int64) *ArticleActors {
	return &ArticleActors{rows: rows, articleID: articleID, byName: make(map[string]int64)}
}

// Lookup returns the actor a name in this article refers to, adding it as
// a new person when the article's people list lacks it. An empty name is 0.
func (aa *ArticleActors) Lookup(name string) (int64, error) {
	key := NormalizeName(name)
	if key == "" {
		return 0, nil
	}
	if id, ok := aa.byName[key]; ok {
		return id, nil
	}
	if WordCount(key) == 1 && len(aa.bySurname[key]) == 1 {
		return aa.bySurname[key][0], nil
	}
	return aa.Add(briefbot.Person{Name: name})
}

// Add resolves p against the stored actors (creating one when none fits)
// and stores the mention, aliases and roles.
func (aa *ArticleActors) Add(p briefbot.Person) (int64, error) {
	key := NormalizeName(p.Name)
	if key == "" {
		return 0, nil
	}
	rows := aa.rows
	id, err := aa.resolve(p, key)
	if err != nil {
		return 0, err
	}
	if id == 0 {
		if id, err = rows.InsertActor(p.Name, key, PersonSurname(key, p.Kind), p.Kind); err != nil {
			return 0, err
		}
	}
	if err := rows.AddMention(aa.articleID, id, p.Name, p.Gender); err != nil {
		return 0, err
	}
	for _, alias := range append([]string{p.Name}, p.Aliases...) {
		aliasKey := NormalizeName(alias)
		if aliasKey == "" {
			continue
		}
		if err := rows.AddAlias(id, aa.articleID, strings.TrimSpace(alias), aliasKey); err != nil {
			return 0, err
		}
		if _, taken := aa.byName[aliasKey]; !taken {
			aa.byName[aliasKey] = id
		}
	}
	for _, role := range p.Roles {
		roleKey := Normalize(role)
		if roleKey == "" {
			continue
		}
		if err := rows.AddRole(id, aa.articleID, strings.TrimSpace(role), roleKey); err != nil {
			return 0, err
		}
	}
	if sur := PersonSurname(key, p.Kind); sur != "" && sur != key {
		if aa.bySurname == nil {
			aa.bySurname = make(map[string][]int64)
		}
		aa.bySurname[sur] = append(aa.bySurname[sur], id)
	}
	return id, nil
}

// resolve finds the stored actor p is, or 0. In order: the same normalised
// name; the same full name among aliases; for a bare surname, the one
// person with that surname (or the one whose roles agree); for a full name,
// a bare-surname actor when no other full name claims that surname.
func (aa *ArticleActors) resolve(p briefbot.Person, key string) (int64, error) {
	same, err := aa.rows.ByNorm(key)
	if err != nil {
		return 0, err
	}
	// The actor of p's own kind first, then one of unknown kind.
	slices.SortStableFunc(same, func(a, b StoredActor) int {
		rank := func(s StoredActor) int {
			switch s.Kind {
			case p.Kind:
				return 0
			case "":
				return 1
			}
			return 2
		}
		return rank(a) - rank(b)
	})
	if same = filterKind(same, p.Kind); len(same) > 0 {
		return same[0].ID, aa.refine(same[0], p, key)
	}

	fullNames := []string{key}
	for _, alias := range p.Aliases {
		if aliasKey := NormalizeName(alias); WordCount(aliasKey) > 1 && LooksLikeName(alias) {
			fullNames = append(fullNames, aliasKey)
		}
	}
	if WordCount(key) > 1 || len(fullNames) > 1 {
		candidates, err := aa.byFullName(fullNames, p.Kind)
		if err != nil {
			return 0, err
		}
		if len(candidates) == 1 {
			return candidates[0].ID, aa.refine(candidates[0], p, key)
		}
	}

	if !KindsAgree(p.Kind, briefbot.KindPerson) {
		return 0, nil
	}
	if WordCount(key) == 1 {
		return aa.resolveSurname(p, key)
	}
	surname := SurnameOf(key)
	bare, err := aa.rows.ByNorm(surname)
	if err != nil || len(filterKind(bare, p.Kind)) != 1 {
		return 0, err
	}
	rivals, err := aa.rows.BySurname(surname)
	if err != nil || len(filterKind(rivals, briefbot.KindPerson)) > 0 {
		return 0, err
	}
	return bare[0].ID, aa.refine(bare[0], p, key)
}

// resolveSurname finds the one person a bare surname is: the only one
// with it, or the only one whose roles agree with p's.
func (aa *ArticleActors) resolveSurname(p briefbot.Person, key string) (int64, error) {
	candidates, err := aa.rows.BySurname(key)
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
		return candidates[0].ID, aa.refine(candidates[0], p, key)
	}
	return 0, nil
}

// byFullName returns the actors whose name or a proper-name alias is one of
// keys.
func (aa *ArticleActors) byFullName(keys []string, kind string) ([]StoredActor, error) {
	seen := make(map[int64]bool)
	var out []StoredActor
	for _, k := range keys {
		rows, err := aa.rows.ByNameOrAlias(k)
		if err != nil {
			return nil, err
		}
		for _, c := range filterKind(rows, kind) {
			if !seen[c.ID] {
				seen[c.ID] = true
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// rolesAgree keeps the candidates that share a role with roles.
func (aa *ArticleActors) rolesAgree(candidates []StoredActor, roles []string) ([]StoredActor, error) {
	var keep []StoredActor
	for _, c := range candidates {
		for _, role := range roles {
			has, err := aa.rows.HasRole(c.ID, Normalize(role))
			if err != nil {
				return nil, err
			}
			if has {
				keep = append(keep, c)
				break
			}
		}
	}
	return keep, nil
}

// refine upgrades a matched actor: a fuller name of the same person
// replaces a shorter one ("Trump" becomes "Donald Trump"), and an unknown
// kind takes p's.
func (aa *ArticleActors) refine(a StoredActor, p briefbot.Person, key string) error {
	if a.Kind == "" && p.Kind != "" {
		if err := aa.rows.SetKind(a.ID, p.Kind, PersonSurname(a.Norm, p.Kind)); err != nil {
			return err
		}
		a.Kind = p.Kind
	}
	if WordCount(key) > WordCount(a.Norm) && KindsAgree(a.Kind, briefbot.KindPerson) && SurnameOf(key) == SurnameOf(a.Norm) {
		taken, err := aa.rows.NormTaken(key)
		if err != nil || taken {
			return err
		}
		return aa.rows.Rename(a.ID, strings.TrimSpace(p.Name), key, SurnameOf(key))
	}
	return nil
}

func filterKind(actors []StoredActor, kind string) []StoredActor {
	var keep []StoredActor
	for _, a := range actors {
		if KindsAgree(a.Kind, kind) {
			keep = append(keep, a)
		}
	}
	return keep
}
