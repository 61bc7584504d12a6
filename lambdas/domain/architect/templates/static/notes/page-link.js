      const icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = pageIcon(note);
      const link = document.createElement('span');
      link.className = 'page-link';
      link.append(icon, title);
      button.append(link, preview);
