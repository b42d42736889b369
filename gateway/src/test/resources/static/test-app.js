document.title = "Haven";
