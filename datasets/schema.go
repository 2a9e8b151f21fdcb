package datasets

// The CSV schemas, canonical names first. The same names are the JSON keys
// and the headers partnet writes.
var (
	organisationColumns = []column{
		{name: "id", aliases: []string{"org_id", "organisation_id", "organization_id", "identifier", "code", "gss_code"}, required: true},
		{name: "name", aliases: []string{"org_name", "organisation_name", "organization_name", "label"}},
		{name: "sector"},
		{name: "type", aliases: []string{"org_type", "organisation_type", "organization_type"}},
		{name: "region"},
		{name: "parent", aliases: []string{"parent_id"}},
		{name: "population", aliases: []string{"pop"}},
		{name: "lat", aliases: []string{"latitude"}},
		{name: "lon", aliases: []string{"lng", "long", "longitude"}},
		{name: "start", aliases: []string{"start_date"}},
		{name: "end", aliases: []string{"end_date"}},
		{name: "successor", aliases: []string{"successors"}},
	}
	partnershipColumns = []column{
		{name: "source", aliases: []string{"from", "source_id", "org_a", "organisation_a", "a"}, required: true},
		{name: "target", aliases: []string{"to", "target_id", "org_b", "organisation_b", "b"}, required: true},
		{name: "kind", aliases: []string{"partnership_kind", "tie_kind"}},
		{name: "weight"},
		{name: "service_area", aliases: []string{"service"}},
		{name: "programme", aliases: []string{"program"}},
		{name: "start", aliases: []string{"start_date"}},
		{name: "end", aliases: []string{"end_date"}},
		{name: "value_gbp", aliases: moneyAliases},
		{name: "id", aliases: []string{"partnership_id"}},
		{name: "name"},
	}
	arrangementColumns = []column{
		{name: "id", aliases: []string{"arrangement_id", "project_id"}, required: true},
		{name: "name"},
		{name: "kind", aliases: []string{"type"}},
		{name: "service_area", aliases: []string{"service"}},
		{name: "programme", aliases: []string{"program"}},
		{name: "start", aliases: []string{"start_date"}},
		{name: "end", aliases: []string{"end_date"}},
		{name: "value_gbp", aliases: moneyAliases},
	}
	memberColumns = []column{
		{name: "arrangement_id", aliases: []string{"arrangement", "project_id", "project"}, required: true},
		{name: "organisation_id", aliases: []string{"org_id", "organization_id", "organisation", "organization", "member"}, required: true},
		{name: "role"},
	}
)

// moneyAliases are the headers read as value_gbp (after normHeader:
// "Value (£)" is "value_(£)").
var moneyAliases = []string{"value", "amount", "amount_gbp", "value_(£)", "value_£", "amount_(£)", "amount_£",
	"value_(gbp)", "amount_(gbp)", "value_gbp_(£)", "value_in_£", "amount_in_£", "value_in_gbp", "amount_in_gbp"}

// Known file names inside a dataset folder.
const (
	OrganisationsFile = "organisations.csv"
	PartnershipsFile  = "partnerships.csv"
	ArrangementsFile  = "arrangements.csv"
	MembersFile       = "members.csv"
	MetadataFile      = "dataset.yaml"
	AdjacencyFile     = "adjacency.csv"
)
