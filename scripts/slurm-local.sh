#!/usr/bin/env bash
# A one-node Slurm cluster on this machine (munge, slurmctld and slurmd of Debian's slurm-wlm), for
# test/lammps/slurm.test.ts and for trying docs/hpc.md without a cluster. Needs root and
#   apt-get install -y slurm-wlm munge
#
#   scripts/slurm-local.sh start    # idempotent: starts what is not running, waits until the node is idle
#   scripts/slurm-local.sh stop     # stops the slurmctld and slurmd it started (by their pid files)
#   scripts/slurm-local.sh running  # exit status 0 when both are running
#   scripts/slurm-local.sh conf     # prints the slurm.conf path: export SLURM_CONF=$(scripts/slurm-local.sh conf)
#
# The configuration and state live in $QSOFT_SLURM_DIR (default /tmp/qsoft-slurm), not in /etc/slurm; clients
# (sbatch, squeue, sacct) find it through SLURM_CONF. One node, this host, CPUs = nproc, one partition "local".
set -euo pipefail
dir=${QSOFT_SLURM_DIR:-/tmp/qsoft-slurm}
conf=$dir/slurm.conf
host=$(hostname -s)
cpus=${QSOFT_SLURM_CPUS:-$(nproc)}

write_conf() {
  mkdir -p "$dir/spool/slurmd" "$dir/state" "$dir/log"
  cat >"$conf" <<EOF
# Written by scripts/slurm-local.sh: a one-node cluster on $host.
ClusterName=qsoft-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldPort=6817
SlurmdPort=6818
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmdSpoolDir=$dir/spool/slurmd
StateSaveLocation=$dir/state
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=10
Waittime=0
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_munge() {
  if munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then return; fi
  [ -f /etc/munge/munge.key ] || { echo "slurm-local: /etc/munge/munge.key missing (apt-get install munge)" >&2; exit 1; }
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do
    munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 && return
    sleep 0.1
  done
  echo "slurm-local: munged did not come up" >&2
  exit 1
}

case "${1:-start}" in
conf)
  echo "$conf"
  ;;
running)
  alive "$dir/slurmctld.pid" && alive "$dir/slurmd.pid"
  ;;
start)
  command -v slurmctld >/dev/null || { echo "slurm-local: slurmctld not found (apt-get install -y slurm-wlm munge)" >&2; exit 2; }
  [ "$(id -u)" = 0 ] || { echo "slurm-local: must run as root" >&2; exit 2; }
  [ -f "$conf" ] || write_conf
  start_munge
  export SLURM_CONF=$conf
  alive "$dir/slurmctld.pid" || slurmctld -f "$conf"
  alive "$dir/slurmd.pid" || slurmd -f "$conf"
  for _ in $(seq 150); do
    state=$(sinfo -h -N -o %T 2>/dev/null | head -1 || true)
    case "$state" in idle | mixed | allocated) echo "$conf"; exit 0 ;; esac
    sleep 0.2
  done
  echo "slurm-local: the node did not become idle (state '${state:-none}'); see $dir/log" >&2
  exit 1
  ;;
stop)
  for d in slurmd slurmctld; do
    if alive "$dir/$d.pid"; then kill "$(cat "$dir/$d.pid")"; fi
  done
  ;;
*)
  echo "usage: $0 start|stop|running|conf" >&2
  exit 2
  ;;
esac
