#!/usr/bin/env bash
# Brings the public real datasets of the survey (scripts/real-survey.md) into DATA, one file per dataset:
#   DATA/<source>/<dataset>.<ext>   and DATA/<source>/LICENCE (one line: the licence of that source)
# Sources are local git mirrors (MIRROR, default /work/.mirror, one bare repository per
# owner+name/repo, as made by the search tool's `fetch` or by `git clone --mirror`):
#   logpai+loghub, fail2ban+fail2ban, crowdsecurity+hub, sbousseaden+EVTX-ATTACK-SAMPLES,
#   OTRF+Security-Datasets. A missing mirror is skipped with a warning.
# .evtx files are converted to XML with python3-evtx's evtx_dump.py; OTRF archives are unzipped.
# Usage: scripts/real-survey-fetch.sh DATA
set -euo pipefail
data=${1:?usage: real-survey-fetch.sh DATA}
mirror=${MIRROR:-/work/.mirror}
mkdir -p "$data"
data=$(cd "$data" && pwd)

repo() { # owner+name -> git dir, or empty
  local d="$mirror/$1/repo"
  [ -d "$d" ] || d="$mirror/$1"
  if git --git-dir "$d" rev-parse -q --verify HEAD >/dev/null 2>&1; then echo "$d"; else
    echo "real-survey-fetch: no mirror for $1 under $mirror (skipped)" >&2; fi
}
show() { git --git-dir "$1" show "HEAD:$2"; }
files() { git --git-dir "$1" ls-tree -r --name-only HEAD -- "$2"; }
safe() { printf '%s' "$1" | tr -c 'A-Za-z0-9._+-' '_'; }

# --- Loghub (research/academic use with attribution; https://github.com/logpai/loghub) ---------
if g=$(repo logpai+loghub) && [ -n "$g" ]; then
  out=$data/loghub; mkdir -p "$out"
  echo "Loghub licence (research/academic use, cite the repository)" >"$out/LICENCE"
  # the auth-bearing ones, and a few without any login line (to see that nothing is invented)
  for n in OpenSSH Linux Mac Thunderbird Windows Apache Proxifier HPC; do
    show "$g" "$n/${n}_2k.log" >"$out/$n.log" 2>/dev/null || rm -f "$out/$n.log"
  done
fi

# --- fail2ban test logs (GPL-2.0) ---------------------------------------------------------------
if g=$(repo fail2ban+fail2ban) && [ -n "$g" ]; then
  out=$data/fail2ban; mkdir -p "$out"
  echo "GPL-2.0-or-later (fail2ban COPYING)" >"$out/LICENCE"
  for n in sshd sshd-journal dropbear selinux-ssh pam-generic \
           dovecot postfix courier-auth courier-smtp cyrus-imap roundcube-auth sieve solid-pop3d \
           uwimap-auth perdition sogo-auth horde squirrelmail openwebmail kerio exim sendmail-auth \
           nginx-http-auth vsftpd proftpd pure-ftpd screensharingd xrdp mssql-auth \
           bsd/syslog-plain.txt bsd/syslog-v.txt bsd/syslog-vv.txt; do
    # fail2ban's files interleave its test annotations (`# failJSON: {"match": true, "host": …}`) with
    # the log lines: the dataset is the lines alone; the annotated file is kept in annotated/ (for the
    # check in real-survey.sh: which lines fail2ban's own filter is expected to match, with the address)
    a=$out/annotated/$(safe "$n").log; mkdir -p "$out/annotated"
    show "$g" "fail2ban/tests/files/logs/$n" >"$a" 2>/dev/null || { rm -f "$a"; continue; }
    grep -v '^#' "$a" | grep -v '^[[:space:]]*$' >"$out/$(safe "$n").log" || true
  done
fi

# --- CrowdSec hub test logs (MIT) ---------------------------------------------------------------
if g=$(repo crowdsecurity+hub) && [ -n "$g" ]; then
  out=$data/crowdsec; mkdir -p "$out"
  echo "MIT (crowdsecurity/hub LICENSE)" >"$out/LICENCE"
  files "$g" .tests | grep -E '\.log$' \
    | grep -i -E '/(ssh|sshd|dovecot|postfix|exchange|iis|windows|nginx-mail|keycloak|nextcloud|zimbra|pam|smb|mssql|syslog-logs|dropbear|opnsense-sshd|geoip-enrich|cpanel|mailu|exim-bf|postscreen|wireguard-auth)[^/]*/' \
    | while read -r f; do
        d=$(basename "$(dirname "$f")")
        show "$g" "$f" >"$out/$(safe "$d").log"
      done
fi

# --- EVTX-ATTACK-SAMPLES (GPL-3.0), converted to XML with python3-evtx ----------------------------
if g=$(repo sbousseaden+EVTX-ATTACK-SAMPLES) && [ -n "$g" ]; then
  out=$data/evtx-attack; mkdir -p "$out"
  echo "GPL-3.0 (sbousseaden/EVTX-ATTACK-SAMPLES LICENSE.GPL)" >"$out/LICENCE"
  dump=$(command -v evtx_dump.py || true)
  # the Debian package installs its module for the system python, not for a pyenv one
  py=/usr/bin/python3; [ -x "$py" ] || py=python3
  if [ -z "$dump" ]; then
    echo "real-survey-fetch: evtx_dump.py not found (apt-get install python3-evtx); EVTX samples skipped" >&2
  else
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    # the samples that carry logon events (Security 4624/4625/4648/4768/4771/4776, MSSQL 18456,
    # RDP 1149) by their names; the others are Sysmon/PowerShell and hold no login
    files "$g" . | grep -E '\.evtx$' \
      | grep -E '46(2[456]|48)|47(68|71|76)|spray|Kerb|kerb|_pth_|Pass The Hash|Runas|KrbRelay|NTLM|smb_bi_auth|JuicyPotato|Zerologon|remote_pwd_reset|tutto|RogueWinRM|MSSQL|1149|bluekeep|4794|token_manip' \
      | while read -r f; do
        name=$(safe "$(basename "$f" .evtx)")
        [ -s "$out/$name.xml" ] && continue
        git --git-dir "$g" show "HEAD:$f" >"$tmp/x.evtx" 2>/dev/null || continue
        timeout 120 "$py" "$dump" "$tmp/x.evtx" >"$out/$name.xml" 2>/dev/null || rm -f "$out/$name.xml"
      done
  fi
fi

# --- OTRF Security-Datasets (MIT): Windows host logs (winlogbeat/nxlog JSON lines) -----------------
if g=$(repo OTRF+Security-Datasets) && [ -n "$g" ]; then
  out=$data/otrf; mkdir -p "$out"
  echo "MIT (OTRF/Security-Datasets LICENSE)" >"$out/LICENCE"
  tmp2=$(mktemp -d)
  for f in \
    datasets/atomic/windows/lateral_movement/host/purplesharp_ad_playbook_I.zip \
    datasets/atomic/windows/credential_access/host/empire_shell_rubeus_asktgt_createnetonly.zip \
    datasets/atomic/windows/credential_access/host/empire_shell_rubeus_asktgt_ptt.zip \
    datasets/atomic/windows/credential_access/host/empire_over_pth_patch_lsass.zip \
    datasets/atomic/windows/credential_access/host/rdp_interactive_taskmanager_lsass_dump.zip \
    datasets/atomic/windows/credential_access/host/cmd_psexec_lsa_secrets_dump.zip \
    datasets/atomic/windows/credential_access/host/empire_dcsync_dcerpc_drsuapi_DsGetNCChanges.zip \
    datasets/atomic/windows/credential_access/host/covenant_dcsync_dcerpc_drsuapi_DsGetNCChanges.zip \
    datasets/atomic/windows/lateral_movement/host/empire_psexec_dcerpc_tcp_svcctl.zip \
    datasets/atomic/windows/lateral_movement/host/empire_smbexec_dcerpc_smb_svcctl.zip \
    datasets/atomic/windows/lateral_movement/host/covenant_psremoting_command.zip \
    datasets/atomic/windows/lateral_movement/host/empire_wmi_dcerpc_wmi_IWbemServices_ExecMethod.zip \
    datasets/atomic/windows/lateral_movement/host/mimikatz_CVE-2020-1472_Unauthenticated_NetrServerAuthenticate2.zip \
    datasets/atomic/windows/lateral_movement/host/covenant_sharpwmi_create_dcerpc_wmi.zip \
    datasets/atomic/windows/privilege_escalation/host/empire_invoke_runas.tar.gz \
    datasets/atomic/windows/discovery/host/empire_shell_net_local_users.zip \
    datasets/atomic/windows/discovery/host/empire_shell_samr_EnumDomainUsers.zip \
    datasets/atomic/windows/defense_evasion/host/empire_enable_rdp.tar.gz \
    datasets/atomic/windows/persistence/host/proxylogon_ssrf_rce_poc.zip \
    datasets/compound/LSASS_campaign_01/metasploit_logonpasswords_lsass_memory_dump.zip \
    ; do
    base=$(basename "$f"); name=$(safe "${base%%.*}")
    [ -s "$out/$name.json" ] && continue
    rm -rf "$tmp2"/*; mkdir -p "$tmp2/x"
    git --git-dir "$g" show "HEAD:$f" >"$tmp2/a" 2>/dev/null || { echo "real-survey-fetch: $f absent from the mirror" >&2; continue; }
    case $base in
      *.zip) (cd "$tmp2/x" && unzip -q -o ../a) || continue ;;
      *.tar.gz) tar -xzf "$tmp2/a" -C "$tmp2/x" 2>/dev/null || { echo "real-survey-fetch: $f: not a readable archive in the mirror" >&2; continue; } ;;
    esac
    # one JSON object per line, all the archive's JSON files in one dataset
    find "$tmp2/x" -type f -name '*.json' -print0 | sort -z | xargs -0 cat >"$out/$name.json"
    [ -s "$out/$name.json" ] || rm -f "$out/$name.json"
  done
  rm -rf "$tmp2"
fi

find "$data" -type f ! -name LICENCE | wc -l | sed 's/^/real-survey-fetch: datasets: /' >&2
