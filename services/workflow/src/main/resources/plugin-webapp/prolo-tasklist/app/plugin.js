// The plugin's work is its style sheet (plugin.css, which Tasklist loads beside this script); Tasklist loads a
// plugin's script whether or not it has any.
