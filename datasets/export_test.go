package datasets

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/partnet/partnet/graph"
)

// Hooks for external tests (package datasets_test) that take their input
// from datasets/synthetic, which imports datasets and so cannot be
// imported by this package's own tests.

// ReadPartnershipsFast is the fast partnerships.csv reader.
var ReadPartnershipsFast = readPartnershipsFast

// ReadFolderSlow reads a folder with the general partnerships reader
// only, failing t on any problem.
func ReadFolderSlow(t *testing.T, dir string) *graph.Network {
	t.Helper()
	probs := &Problems{}
	net := graph.NewNetwork()
	fh, err := os.Open(filepath.Join(dir, OrganisationsFile))
	if err != nil {
		t.Fatal(err)
	}
	readOrganisations(openRows(fh, OrganisationsFile, organisationColumns, probs), OrganisationsFile, net, probs)
	fh.Close()
	fh, err = os.Open(filepath.Join(dir, PartnershipsFile))
	if err != nil {
		t.Fatal(err)
	}
	readPartnerships(openRows(fh, PartnershipsFile, partnershipColumns, probs), PartnershipsFile, net, probs)
	fh.Close()
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	return net
}
