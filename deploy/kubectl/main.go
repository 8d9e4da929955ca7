// Command kubectl: the Kubernetes CLI built from the k8s.io/kubectl module at the version pinned in
// go.mod, for the container image's `kubectl` runbook executor (see the Dockerfile's kubectl stage).
package main

import (
	"os"

	// Cloud-provider and OIDC credential plugins, as in the upstream kubectl binary.
	_ "k8s.io/client-go/plugin/pkg/client/auth"
	"k8s.io/component-base/cli"
	"k8s.io/kubectl/pkg/cmd"
	"k8s.io/kubectl/pkg/cmd/util"
)

func main() {
	if err := cli.RunNoErrOutput(cmd.NewDefaultKubectlCommand()); err != nil {
		util.CheckErr(err)
		os.Exit(1)
	}
}
