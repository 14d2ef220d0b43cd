# bash completion for planctl                                  -*- shell-script -*-
#
# Installed as /usr/share/bash-completion/completions/planctl, where the bash-completion
# package loads it the first time `planctl <TAB>` is pressed; without that package, source it
# from ~/.bashrc. Works with or without bash-completion's helper functions.
# Keep in step with `planctl --help` and `planctl COMMAND --help`: tests/cli/completion.sh
# fails when a command or option is missing here or listed here but gone from the help.

# shellcheck disable=SC2207 # COMPREPLY=($(compgen ...)) is the completion idiom: words have no spaces.
_planctl_commands="validate render batch status init import schema rules help"

# Options of each command, and which of them take a value.
_planctl_options() {
    case $1 in
        '') echo "-h --help -V --version" ;;
        validate) echo "-h --help --strict -f --format -o --output -j --jobs --color --lang" ;;
        render) echo "-h --help -o --output-dir -f --format --as-of --keep-punctuation --bulletin --force --color --lang" ;;
        batch) echo "-h --help -o --output-dir -j --jobs -f --format --as-of --keep-punctuation --bulletin --bulletin-combined --issuer --bulletin-number --force --color --lang" ;;
        status) echo "-h --help --as-of -f --format -j --jobs --color --lang" ;;
        init) echo "-h --help --force" ;;
        import) echo "-h --help -o --output --issuer --date --numbering --into --sheet --force" ;;
        rules) echo "-h --help -f --format" ;;
        schema | help) echo "-h --help" ;;
    esac
}

_planctl_takes_value() {
    case $1 in
        -f | --format | -o | --output | --output-dir | -j | --jobs | --as-of | --color | --lang | --issuer | --date | --numbering | --into | --sheet) return 0 ;;
    esac
    return 1
}

# COMPREPLY += files named *.yaml or *.yml, and folders to descend into.
_planctl_plan_files() {
    local cur=$1
    if declare -F _filedir >/dev/null; then
        _filedir '@(yaml|yml|YAML|YML)'
        return
    fi
    local IFS=$'\n' ext
    compopt -o filenames 2>/dev/null
    COMPREPLY+=($(compgen -d -- "$cur"))
    for ext in yaml yml YAML YML; do
        COMPREPLY+=($(compgen -f -X "!*.$ext" -- "$cur"))
    done
}

# COMPREPLY += documents `import` reads (*.docx, *.txt, *.md, and a ledger *.xlsx), and folders to descend into.
_planctl_document_files() {
    local cur=$1
    if declare -F _filedir >/dev/null; then
        _filedir '@(docx|txt|md|xlsx|DOCX|TXT|MD|XLSX)'
        return
    fi
    local IFS=$'\n' ext
    compopt -o filenames 2>/dev/null
    COMPREPLY+=($(compgen -d -- "$cur"))
    for ext in docx txt md xlsx DOCX TXT MD XLSX; do
        COMPREPLY+=($(compgen -f -X "!*.$ext" -- "$cur"))
    done
}

# COMPREPLY += folders only.
_planctl_dirs() {
    local cur=$1
    if declare -F _filedir >/dev/null; then
        _filedir -d
        return
    fi
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY+=($(compgen -d -- "$cur"))
}

# COMPREPLY += any file or folder.
_planctl_any_files() {
    local cur=$1
    if declare -F _filedir >/dev/null; then
        _filedir
        return
    fi
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY+=($(compgen -f -- "$cur"))
}

# COMPREPLY = the next item of a comma-separated list of `choices`, keeping what is typed
# before the last comma and leaving out the items already chosen.
_planctl_comma_list() {
    local cur=$1 choices=$2 prefix="" item left=()
    if [[ $cur == *,* ]]; then
        prefix=${cur%,*},
        cur=${cur##*,}
    fi
    for item in $choices; do
        [[ ,$prefix == *,$item,* ]] || left+=("$item")
    done
    COMPREPLY=($(compgen -P "$prefix" -W "${left[*]}" -- "$cur"))
    # More items may follow a comma, so do not end the word with a space.
    compopt -o nospace 2>/dev/null
}

# Completes the value of option `opt` of command `cmd`; returns 1 if it takes none.
_planctl_value() {
    local cmd=$1 opt=$2 cur=$3
    case $cmd:$opt in
        validate:-f | validate:--format)
            COMPREPLY=($(compgen -W "text json github junit gitlab sarif" -- "$cur")) ;;
        render:-f | render:--format | batch:-f | batch:--format)
            _planctl_comma_list "$cur" "md txt docx pdf xlsx" ;;
        status:-f | status:--format)
            COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
        *:-j | *:--jobs)
            COMPREPLY=($(compgen -W "1 2 4 8" -- "$cur")) ;;
        rules:-f | rules:--format)
            COMPREPLY=($(compgen -W "text markdown json" -- "$cur")) ;;
        validate:-o | validate:--output)
            _planctl_any_files "$cur" ;;
        import:-o | import:--output | import:--into)
            _planctl_plan_files "$cur" ;;
        import:--numbering)
            _planctl_comma_list "$cur" "一、 （一） 1. （1）" ;;
        render:-o | render:--output-dir | batch:-o | batch:--output-dir)
            _planctl_dirs "$cur" ;;
        *:--color)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur")) ;;
        *:--lang)
            COMPREPLY=($(compgen -W "zh en" -- "$cur")) ;;
        *:--as-of)
            # A date: offer today's, the usual choice, in the format the option wants.
            COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur")) ;;
        *)
            return 1 ;;
    esac
    return 0
}

# Without bash-completion: sets words, cword, cur, prev and split as `_init_completion -s`
# does. bash splits `--format=js` into `--format` `=` `js` (COMP_WORDBREAKS has `=`); the
# pieces are joined again, then the value is split off into cur with the option in prev.
_planctl_split_words() {
    words=() cword=0 split=false
    local i n=${#COMP_WORDS[@]} w
    for ((i = 0; i < n; i++)); do
        w=${COMP_WORDS[i]}
        if [[ $w == = && ${#words[@]} -gt 0 && ${words[-1]} == -* && ${words[-1]} != *=* ]]; then
            words[-1]+="="
            ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
            if ((i + 1 < n && i + 1 <= COMP_CWORD)); then
                ((i++))
                words[-1]+=${COMP_WORDS[i]}
                ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
            fi
            continue
        fi
        words+=("$w")
        ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
    done
    cur=${words[cword]-}
    prev=${words[cword - 1]-}
    if [[ $cur == -*=* ]]; then
        prev=${cur%%=*} cur=${cur#*=} split=true
    fi
}

_planctl() {
    local cur prev words cword split
    COMPREPLY=()
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        _planctl_split_words
    fi

    # The command is the first word that is neither an option nor an option's value; after
    # `--` every word is a file.
    local cmd="" i w after_dashes=""
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        if [[ -z $after_dashes && $w == -- ]]; then
            [[ -n $cmd ]] && after_dashes=1
        elif [[ -z $after_dashes && $w == -* ]]; then
            [[ $w != *=* ]] && _planctl_takes_value "$w" && ((i++))
        elif [[ -z $cmd ]]; then
            cmd=$w
        fi
    done

    # The value of an option: `--format json` or `--format=json`.
    if [[ -z $after_dashes && $prev == -* ]] && _planctl_takes_value "$prev"; then
        _planctl_value "$cmd" "$prev" "$cur"
        return 0
    fi
    [[ $split == true ]] && return 0

    if [[ -z $after_dashes && $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_planctl_options "$cmd")" -- "$cur"))
        return 0
    fi

    case $cmd in
        '') COMPREPLY=($(compgen -W "$_planctl_commands" -- "$cur")) ;;
        validate | render | batch | status | init) _planctl_plan_files "$cur" ;;
        import) _planctl_document_files "$cur" ;;
        help)
            # `planctl help COMMAND`: one command name.
            local n=0
            for ((i = 1; i < cword; i++)); do [[ ${words[i]} != -* ]] && ((n++)); done
            if ((n == 1)); then
                COMPREPLY=($(compgen -W "$_planctl_commands" -- "$cur"))
            fi
            ;;
    esac
    return 0
}

complete -F _planctl planctl
